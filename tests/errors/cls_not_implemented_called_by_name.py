# error: 15:11: Vec.__add__ may return NotImplemented, which only its operator handles; call it through the operator ('+'), not by name
class Vec:
    def __init__(self, x: int) -> None:
        self.x = x

    def __add__(self, other: object) -> "Vec":
        if not isinstance(other, Vec):
            return NotImplemented
        return Vec(self.x + other.x)


def main() -> None:
    a = Vec(1)
    print((a + Vec(2)).x)
    print(a.__add__(Vec(3)).x)


if __name__ == "__main__":
    main()

# error: 21:11: Strict.__add__ may return NotImplemented, which only its operator handles; call it through the operator ('+'), not by name
class Vec:
    def __init__(self, x: int) -> None:
        self.x = x

    def __add__(self, other: object) -> "Vec":
        assert isinstance(other, Vec)
        return Vec(self.x + other.x)


class Strict(Vec):
    def __add__(self, other: object) -> "Vec":
        if not isinstance(other, Strict):
            return NotImplemented
        return Strict(self.x + other.x)


def main() -> None:
    a: Vec = Strict(1)
    print((a + Strict(2)).x)
    print(a.__add__(Vec(3)).x)


if __name__ == "__main__":
    main()

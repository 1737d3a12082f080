# error: 22:12: CPython may call Offset.__radd__ here with a "Vec", but it takes "i64"
class Vec:
    def __init__(self, x: int) -> None:
        self.x = x

    def __add__(self, other: object) -> "Vec":
        if not isinstance(other, Vec):
            return NotImplemented
        return Vec(self.x + other.x)


class Offset:
    def __init__(self, dx: int) -> None:
        self.dx = dx

    def __radd__(self, other: int) -> Vec:
        return Vec(other + self.dx)


def main() -> None:
    print((Vec(1) + Vec(2)).x)
    print((Vec(1) + Offset(2)).x)


if __name__ == "__main__":
    main()

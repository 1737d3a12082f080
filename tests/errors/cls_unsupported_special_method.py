# error: 6:5: special method __add__ is not supported (Pythos knows __bool__ __contains__
class Vec:
    def __init__(self, x: int) -> None:
        self.x = x

    def __add__(self, other: "Vec") -> "Vec":
        return Vec(self.x + other.x)


def main() -> None:
    print((Vec(1) + Vec(2)).x)

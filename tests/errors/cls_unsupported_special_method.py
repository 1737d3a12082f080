# error: 6:5: special method __neg__ is not supported (Pythos knows __add__
class Vec:
    def __init__(self, x: int) -> None:
        self.x = x

    def __neg__(self) -> "Vec":
        return Vec(-self.x)


def main() -> None:
    print((-Vec(1)).x)

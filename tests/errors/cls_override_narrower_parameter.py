# error: 8:21: argument 1 of "scale" is incompatible with supertype "Shape"; supertype defines
class Shape:
    def scale(self, factor: int | None) -> int:
        return 1


class Square(Shape):
    def scale(self, factor: int) -> int:
        return factor


def main() -> None:
    print(Square().scale(2))

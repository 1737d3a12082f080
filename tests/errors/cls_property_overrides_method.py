# error: 9:5: "area" is a property here but a method in "Base"
class Base:
    def area(self) -> int:
        return 0


class Square(Base):
    @property
    def area(self) -> int:
        return 4


def main() -> None:
    print(Square().area)

# error: 16:11: unsupported operand types for < ("Apple" and "Pear"): "Apple" defines no
class Apple:
    def __init__(self, weight: int) -> None:
        self.weight = weight

    def __lt__(self, other: "Apple") -> bool:
        return self.weight < other.weight


class Pear:
    def __init__(self, weight: int) -> None:
        self.weight = weight


def main() -> None:
    print(Apple(1) < Pear(2))


if __name__ == "__main__":
    main()

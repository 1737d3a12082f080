# error: 6:22: argument 1 of __eq__ is incompatible with supertype "object", which take
class Point:
    def __init__(self, x: int) -> None:
        self.x = x

    def __eq__(self, other: "Point") -> bool:
        return self.x == other.x


def main() -> None:
    print(Point(1) == Point(1))


if __name__ == "__main__":
    main()

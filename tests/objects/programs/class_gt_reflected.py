"""Only __lt__ is defined: `a > b` uses b.__lt__(a), as CPython does."""


class Weight:
    def __init__(self, grams: int) -> None:
        self.grams = grams

    def __lt__(self, other: "Weight") -> bool:
        return self.grams < other.grams

    def __repr__(self) -> str:
        return f"{self.grams}g"


def main() -> None:
    a = Weight(5)
    b = Weight(9)
    print(a < b, a > b, b > a, b < a)
    ws = [Weight(3), Weight(1), Weight(2)]
    print(sorted(ws), sorted(ws, reverse=True), max(ws), min(ws))


if __name__ == "__main__":
    main()

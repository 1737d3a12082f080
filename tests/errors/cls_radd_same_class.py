# error: 11:12: unsupported operand types for + ("Weight" and "Weight")
class Weight:
    def __init__(self, grams: int) -> None:
        self.grams = grams

    def __radd__(self, other: "Weight") -> "Weight":
        return Weight(self.grams + other.grams)


def main() -> None:
    print((Weight(1) + Weight(2)).grams)


if __name__ == "__main__":
    main()

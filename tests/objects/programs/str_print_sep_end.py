"""print's sep= and end= with run-time strings and objects."""


class P:
    def __init__(self, n: int) -> None:
        self.n = n

    def __str__(self) -> str:
        return f"P{self.n}"


def main() -> None:
    sep = ", "
    print(P(1), P(2), [1, 2], sep=sep)
    print("a", "b", sep="", end="|")
    print("c", end=sep.strip() + "\n")
    print("x", "y", "z", sep="-")
    parts = ["é", "ü"]
    print(" ".join(parts), end="!\n")


if __name__ == "__main__":
    main()

"""str * n for zero and negative n, and string building in a loop."""


def main() -> None:
    print(repr("ab" * 0), repr("ab" * -3), "é" * 4, len("😀" * 5))
    tri = [("*" * i).center(9) for i in range(1, 10, 2)]
    for row in tri:
        print(row)


if __name__ == "__main__":
    main()

"""list.index of a value that is not there: ValueError."""


def main() -> None:
    words = ["a", "b"]
    print(words.index("b"))
    print(words.index("zz"))


if __name__ == "__main__":
    main()

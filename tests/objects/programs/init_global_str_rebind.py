"""str globals built at start-up and rebound by functions (`global`),
including augmented assignment, with non-ASCII text."""

PREFIX = "grüß"
LINE = PREFIX + " " + str(42)
COUNT = len(LINE)


def extend(word: str) -> None:
    global LINE, COUNT
    LINE += ", " + word
    COUNT = len(LINE)


def main() -> None:
    print(LINE, COUNT)
    extend("welt")
    extend("ß")
    print(LINE, COUNT, LINE[5:7], PREFIX.upper())


if __name__ == "__main__":
    main()

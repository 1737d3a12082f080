"""int() of text that is not a number: ValueError."""


def main() -> None:
    for s in ["12", " -7 ", "x"]:
        print(int(s) * 2)


if __name__ == "__main__":
    main()

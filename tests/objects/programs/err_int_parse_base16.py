"""int(s, 16) of a non-hex digit: ValueError naming base 16."""


def main() -> None:
    print(int("ff", 16), int("10", 16))
    print(int("fg", 16))


if __name__ == "__main__":
    main()

"""int("") is a ValueError with an empty repr in the message."""


def main() -> None:
    parts = "1,2,,4".split(",")
    total = 0
    for p in parts:
        total += int(p)
        print(total)


if __name__ == "__main__":
    main()

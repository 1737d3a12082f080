"""dict.pop without a default for a missing key: KeyError."""


def main() -> None:
    d = {1: "one"}
    print(d.pop(1))
    print(d.pop(1))


if __name__ == "__main__":
    main()

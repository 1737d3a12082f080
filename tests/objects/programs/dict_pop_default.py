"""dict.pop with a default for a missing key."""


def main() -> None:
    d = {"a": 1, "b": 2}
    print(d.pop("a", 0), d.pop("zz", -1), d)
    print(d.pop("b", 99), d.pop("b", 99), d)


if __name__ == "__main__":
    main()

"""tuple.index of an absent value: ValueError, as CPython words it."""


def main() -> None:
    t = ("a", "b", "a")
    print(t.index("a"), t.count("a"), t[1:])
    print(t.index("z"))


if __name__ == "__main__":
    main()

"""|=, &=, -=, ^= change the set in place: an alias sees it."""


def main() -> None:
    s = {1, 2, 3}
    alias = s
    s |= {4}
    s -= {1}
    print(sorted(alias), alias is s)
    s &= {2, 3, 4, 7}
    s ^= {3, 8}
    print(sorted(alias))
    t = s | {100}
    print(sorted(t), sorted(s), t is s)


if __name__ == "__main__":
    main()

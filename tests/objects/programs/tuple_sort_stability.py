"""Sorting by one field of a tuple keeps equal keys in input order."""


def main() -> None:
    recs = [("b", 2), ("a", 1), ("c", 2), ("d", 1), ("e", 3), ("f", 2)]
    by_num = sorted(recs, key=lambda r: r[1])
    print(by_num)
    print(sorted(by_num, key=lambda r: r[1], reverse=True))
    print([n for n, _ in sorted(recs, key=lambda r: -r[1])])


if __name__ == "__main__":
    main()

"""Set algebra on letters of words: common, unique and shared letters."""


def main() -> None:
    a = set("pythos")
    b = set("kernel")
    print(sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
    print(a.isdisjoint(set("xyz")), set("os").issubset(a), len(a | b))


if __name__ == "__main__":
    main()

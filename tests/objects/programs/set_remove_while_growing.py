"""Many additions and removals: the set stays consistent."""


def main() -> None:
    s: set[int] = set()
    for i in range(1000):
        s.add(i * 37 % 1009)
    for i in range(0, 1000, 3):
        s.discard(i * 37 % 1009)
    print(len(s), min(s), max(s), sum(s))
    for i in range(500):
        s.add(i)
    print(len(s), 1 in s, 999 in s)


if __name__ == "__main__":
    main()

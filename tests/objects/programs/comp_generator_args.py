"""Generator expressions passed to sum, min, max, any, all, sorted, list."""


def main() -> None:
    xs = [3, -1, 4, -1, 5, -9, 2, 6]
    print(sum(x for x in xs if x > 0), min(x * x for x in xs), max(abs_ for abs_ in xs))
    print(any(x > 5 for x in xs), all(x != 0 for x in xs), sorted(-x for x in xs))
    print(list(str(x) for x in xs[:3]), set(x % 3 for x in xs) == {0, 1, 2})


if __name__ == "__main__":
    main()

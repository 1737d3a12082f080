"""Counting distinct values and finding duplicates with two sets."""


def duplicates(xs: list[int]) -> list[int]:
    seen: set[int] = set()
    dups: set[int] = set()
    for x in xs:
        if x in seen:
            dups.add(x)
        seen.add(x)
    return sorted(dups)


def main() -> None:
    xs = [4, 8, 4, 1, 9, 8, 8, 0, -3, -3]
    print(len(set(xs)), duplicates(xs), duplicates([]), duplicates([1, 2]))


if __name__ == "__main__":
    main()

"""Tuples as light records: a list of (name, score) sorted and summed."""


def main() -> None:
    rows = [("ann", 82), ("bob", 95), ("cy", 82), ("dee", 70)]
    rows.sort(key=lambda r: (-r[1], r[0]))
    for rank, (name, score) in enumerate(rows, 1):
        print(rank, name, score)
    total = sum(s for _, s in rows)
    print(total, total // len(rows), max(rows, key=lambda r: r[1])[0])


if __name__ == "__main__":
    main()

"""Appending one list object several times, then mutating it."""


def main() -> None:
    row: list[int] = []
    table: list[list[int]] = []
    for i in range(3):
        row.append(i)
        table.append(row)
    print(table)
    table[0].append(99)
    print(table, table[1] is row)
    snap = [r[:] for r in table]
    row.clear()
    print(table, snap)


if __name__ == "__main__":
    main()

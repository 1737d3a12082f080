"""Items that are objects, read inline (the executor's `self.tasks[slot]`):
an object, an object or None, a str, an `int | None` (a box), a nested
list; negative indexes; a list from a call and a variable's last use,
released right after the read while the item lives on; an item whose only
other reference the list held."""


class Task:
    def __init__(self, name: str, slot: int) -> None:
        self.name = name
        self.slot = slot

    def describe(self) -> str:
        return f"{self.name}@{self.slot}"


def tasks(n: int) -> list[Task | None]:
    out: list[Task | None] = [None] * n
    for k in range(0, n, 2):
        out[k] = Task(f"t{k}", k)
    return out


def lone(n: int) -> Task:
    # The list holds the only reference: the task must outlive it.
    return [Task(f"lone{n}", n)][0]


def main() -> None:
    table = tasks(6)
    for slot in range(-6, 6):
        task = table[slot]
        print(slot, "none" if task is None else task.describe())
    print(lone(3).describe(), lone(4).slot)
    kept = lone(5)
    others = [Task(f"other{k}", k) for k in range(4)]  # would reuse a freed task
    print(kept.describe(), len(others))
    first = tasks(3)[0]
    if first is not None:
        print(first.describe())
    words = ["alpha", "beta", "gamma"]
    print(words[1], words[-1], len(words[0]))
    maybe: list[int | None] = [1, None, 300000]
    for k in range(3):
        v = maybe[k]
        if v is None:
            print(k, "none")
        else:
            print(k, v + 1)
    grid = [[1, 2], [3, 4, 5]]
    row = grid[1]
    grid = [[0]]
    print(row[2], len(row), grid[0][0])
    last = table[-2]
    table = []
    print(len(table), "none" if last is None else last.describe())


if __name__ == "__main__":
    main()

"""Empty containers without annotations, typed by their first append(),
add(), extend() or item store, as mypy types them."""

from __future__ import annotations


class Grid:
    def __init__(self, w: int, h: int) -> None:
        self.w = w
        self.h = h
        self.cells: list[list[str]] = []
        for r in range(h):
            row = []
            for c in range(w):
                row.append("#" if (r + c) % 3 == 0 else ".")
            self.cells.append(row)

    def render(self) -> str:
        lines = []
        for row in self.cells:
            lines.append("".join(row))
        return "\n".join(lines)


def label(n: int) -> str:
    return f"<{n}>"


def main() -> None:
    g = Grid(5, 3)
    print(g.render())
    seen = set()
    for x in [3, 1, 3, 2]:
        seen.add(x)
    counts: dict[str, int] = {}
    first = {}
    first["k"] = 1
    for w in "a b a c".split():
        counts[w] = counts.get(w, 0) + 1
    pairs = []
    pairs.append((1, "one"))
    labels = []
    labels.extend(["x", "y"])
    made = []
    for i in range(3):
        made.append(label(i))
    nums = list()
    nums.append(-5)
    print(sorted(seen), counts, first, pairs, labels, made, nums)


if __name__ == "__main__":
    main()

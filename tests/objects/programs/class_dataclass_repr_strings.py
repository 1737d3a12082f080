"""A dataclass's generated __repr__ uses repr() of each field: quotes,
escapes, None, nested lists and tuples."""
from dataclasses import dataclass


@dataclass
class Row:
    name: str
    note: str | None
    tags: list[str]
    pos: tuple[int, int]


def main() -> None:
    print(Row("it's", None, ["a", 'b"c'], (1, -2)))
    r = Row("tab\there", "é", [], (0, 0))
    print(r, [r])
    print(Row("x", None, [], (0, 0)) == Row("x", None, [], (0, 0)))


if __name__ == "__main__":
    main()

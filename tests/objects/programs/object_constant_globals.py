"""Module-level Final objects read in functions (a tuple, a list, a dict,
a str): the read takes no reference of its own, but every holder that
keeps the value (a variable, a list, an attribute, a returned value)
counts one (the leak check at exit sees any count gone wrong)."""

from typing import Final

NAMES: Final[tuple[str, str, str, str]] = ("ka", "lo", "mi", "nu")
TABLE: Final[list[int]] = [3, 1, 2]
INDEX: Final[dict[str, int]] = {"a": 1, "b": 2}
GREETING: Final = "hello ka"


class Holder:
    def __init__(self) -> None:
        self.names = NAMES
        self.table = TABLE


def pick(i: int) -> str:
    return NAMES[i % len(NAMES)]


def whole() -> tuple[str, str, str, str]:
    return NAMES


def main() -> None:
    word = ""
    for i in range(10):
        word += pick(i)
    print(word)
    kept: list[tuple[str, str, str, str]] = []
    for _ in range(3):
        kept.append(NAMES)
    print(len(kept), kept[0] is NAMES, whole() is NAMES)
    h = Holder()
    TABLE.append(4)
    print(h.names, h.table, TABLE, sorted(TABLE))
    local = NAMES
    h = Holder()
    print(local, INDEX["b"], INDEX.get("c"), GREETING, len(GREETING))
    total = 0
    for n in TABLE:
        total += n * len(NAMES)
    print(total, [s.upper() for s in NAMES], "mi" in NAMES, NAMES.index("nu"))


if __name__ == "__main__":
    main()

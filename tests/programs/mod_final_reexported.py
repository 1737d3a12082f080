"""`module.CONST` where CONST is a Final the module imported from another
(it was once "internal: untyped constant reached expr", when the first
use of the name through the module came before anything resolved the
import): in default arguments, class bodies, f-strings, comprehensions,
constant and global initialisers of this and other modules, and plain
expressions.  Each untyped constant is first used in one of them."""
from typing import Final

import lib_final_reexport as r

from pythos.lang import u8

DOUBLE: Final = r.WIDTH * 2
LIMITS = [r.SPAN, r.HALF]


class Screen:
    LINES: Final = r.ROWS
    NAME: Final = r.TITLE

    def __init__(self, columns: int = r.WIDTH) -> None:
        self.columns = columns


def banner(text: str = r.TITLE, width: int = r.DEPTH + 5) -> str:
    return text.rjust(width)


def main() -> None:
    print(f"{r.COLS} {r.TITLE!r} {r.MASK:#04x} {r.WIDTH - r.HALF}")
    print([r.STEP * i for i in range(3)], {r.TITLE: r.WIDTH}, {r.MASK & u8(i) for i in range(20)})
    print(r.WIDTH, r.TITLE, r.MASK, r.HALF, DOUBLE, LIMITS)
    print(Screen().columns, Screen(3).columns, Screen.LINES, Screen.NAME)
    print(banner(), banner("x", 3))
    row = [0] * (r.WIDTH // 10)
    print(len(row), r.SPAN in LIMITS, -r.DEPTH, r.ROWS > 3, r.MASK + 1)


if __name__ == "__main__":
    main()

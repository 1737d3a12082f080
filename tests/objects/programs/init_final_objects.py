"""Final constants (ints and str) used to build module-level objects."""
from typing import Final

WIDTH: Final = 4
SEP: Final = "|"
ROW: list[str] = ["."] * WIDTH
PRIORITY: dict[str, int] = {"+": 1, "-": 1, "*": 2, "/": 2}


def show() -> str:
    return SEP + SEP.join(ROW) + SEP


def main() -> None:
    print(show())
    ROW[WIDTH - 1] = "#"
    print(show(), len(ROW) == WIDTH)
    print(sorted(PRIORITY, key=lambda op: (-PRIORITY[op], op)))


if __name__ == "__main__":
    main()

"""Module-level Final constants holding a tuple of str and a dict, as
table-driven code writes them."""
from typing import Final

SYLLABLES: Final = ("ka", "lo", "mi", "nu")
PRECEDENCE: Final = {"+": 1, "-": 1, "*": 2, "//": 2}


def word(n: int) -> str:
    out = ""
    while True:
        out += SYLLABLES[n % len(SYLLABLES)]
        n //= len(SYLLABLES)
        if n == 0:
            return out


def main() -> None:
    print([word(n) for n in [0, 5, 17, 63]])
    print(sorted(PRECEDENCE, key=lambda op: (PRECEDENCE[op], op)), PRECEDENCE["*"])


if __name__ == "__main__":
    main()

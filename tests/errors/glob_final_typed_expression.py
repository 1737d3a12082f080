# error: 8:19: the constant 'TOP' has type u64, but a bare literal is a plain int under CPython; write 'TOP: Final = u64(2**64 - 1)'
from typing import Final

from pythos.lang import u64

BITS: Final = 64

TOP: Final[u64] = 2**64 - 1


def main() -> None:
    print(TOP + 1, BITS)


if __name__ == "__main__":
    main()

# error: 6:16: the constant 'K' has type u8, but a bare literal is a plain int under CPython; write 'K: Final = u8(200)'
from typing import Final

from pythos.lang import u8

K: Final[u8] = 200


def main() -> None:
    print(K + 100)


if __name__ == "__main__":
    main()

"""Final constants naming other modules' constants, sizeof() in a constant, a
constant array length in a parameter type, and return inside with."""
from typing import Final
from pythos.lang import Array, sizeof, struct, u8, u32, u64, Ptr, extern
import lib_colors as colors

DEFAULT: Final = colors.GRAY
N: Final = colors.WIDTH * 2


@struct
class Pair:
    a: u32
    cells: Array[u8, N]


PAIR_SIZE: Final = sizeof(Pair)


def total(xs: Array[u8, N], lock_first: bool = False) -> u32:
    t = u32(0)
    for x in xs:
        t += u32(x)
    return t


@struct
class Lock:
    n: u32

    def __enter__(self) -> None:
        self.n += 1

    def __exit__(self, *exc: object) -> None:
        self.n -= 1


LOCK = Lock()


def guarded() -> u32:
    with LOCK:
        return LOCK.n


def main() -> None:
    p = Pair()
    for i in range(N):
        p.cells[i] = u8(i)
    print(DEFAULT, N, PAIR_SIZE, total(p.cells), guarded(), LOCK.n)


if __name__ == "__main__":
    main()

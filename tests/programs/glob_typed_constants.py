"""Constants built from typed constants, constant array lengths and a
pointer-valued global."""
from typing import Final

from pythos.lang import Array, Ptr, addr_of, i8, u8, u64

CAPACITY: Final = u64(16)
MASK: Final = CAPACITY - 1
SHIFTED: Final = MASK << 60
NEG: Final = -i8(-128)
TABLE_LEN: Final = 8
TABLE: Array[u8, TABLE_LEN] = Array[u8, TABLE_LEN]()
RING = Array[u64, 16]()
NULL: Ptr[u64] = Ptr[u64](0)


def main() -> None:
    global NULL
    print(CAPACITY, MASK, SHIFTED, NEG, len(TABLE), NULL.addr)
    NULL = addr_of(RING) + 3
    NULL.store(u64(MASK * 2))
    print(RING[3], bool(NULL.addr != 0))


if __name__ == "__main__":
    main()

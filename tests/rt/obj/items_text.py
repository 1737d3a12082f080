"""Items as text and hashes: decimal at the extremes, bool, and hash() of
integers as CPython computes it (modulo 2**61 - 1, never -1)."""

from pythos.lang import Ptr, addr_of, i64, u8, u64
from pythos.rt.core import write_byte
from pythos.rt.obj.items import int_hash, item_repr, sb_append_i64, sb_append_u64
from pythos.rt.obj.object import ITEM_BOOL, ITEM_I64, ITEM_U8, StrBuilder, sb_append_byte, sb_free


def show(sb: Ptr[StrBuilder]) -> None:
    data = Ptr[u8](sb[0].data)
    for i in range(sb[0].nbytes):
        write_byte(data[i])
    write_byte(u8(10))


def main() -> None:
    sb = StrBuilder()
    p = addr_of(sb)
    sb_append_u64(p, u64(18446744073709551615))
    sb_append_byte(p, u8(32))
    sb_append_i64(p, i64(-9223372036854775807) - 1)
    sb_append_byte(p, u8(32))
    sb_append_u64(p, u64(0))
    sb_append_byte(p, u8(32))
    item_repr(ITEM_BOOL, u64(1), p)
    sb_append_byte(p, u8(32))
    item_repr(ITEM_I64, u64(0) - 5, p)
    sb_append_byte(p, u8(32))
    item_repr(ITEM_U8, u64(200), p)
    show(p)
    sb_free(p)
    big = u64(1) << 62
    print(int_hash(u64(0) - 1, True) == u64(0) - 2, int_hash(big, False),
          i64(int_hash(u64(0) - big, True)))


if __name__ == "__main__":
    main()

"""In-kernel tests of the compiled runtime: Python's integer semantics,
structs, arrays, formatting and the panic paths, on the real machine.

These run inside the booted kernel (`pythos test`); each passes by
returning and fails by panicking.
"""

from pythos.lang import Array, Ptr, addr_of, i8, i32, i64, should_panic, struct, u8, u16, u32, u64

SCRATCH = Array[u64, 64]()


@struct
class Pair:
    low: u32
    high: u32


def test_integer_semantics() -> None:
    assert u8(250) + u8(10) == 4
    assert i8(-7) // i8(2) == -4
    assert i8(-7) % i8(2) == 1
    assert i8(-128) // i8(-1) == -128
    assert u16(1) << 20 == 0
    assert i32(-8) >> 40 == -1


def test_structs_are_references() -> None:
    p = Pair(u32(1), u32(2))
    bump(p)
    assert p.low == 2 and p.high == 3


def bump(p: Pair) -> None:
    p.low += 1
    p.high += 1


def test_pointer_aliasing() -> None:
    for i in range(len(SCRATCH)):
        SCRATCH[i] = u64(i) * 3
    p = addr_of(SCRATCH) + 10
    assert p.load() == 30
    p.store(u64(7))
    assert SCRATCH[10] == 7
    assert Ptr[u64](p.addr - 8).load() == 27


def test_negative_index_counts_from_the_end() -> None:
    SCRATCH[63] = u64(99)
    k = i64(-1)
    assert SCRATCH[k] == 99


@should_panic("index 64 out of range")
def test_index_out_of_range_panics() -> None:
    k = i64(64)
    SCRATCH[k] = u64(1)


@should_panic("division or modulo by zero")
def test_division_by_zero_panics() -> None:
    zero = u64(SCRATCH[0] * 0)
    SCRATCH[1] = u64(10) // zero


@should_panic("assertion failed")
def test_failed_assert_panics() -> None:
    assert SCRATCH[0] == 12345

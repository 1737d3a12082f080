"""The shared test helpers: xorshift64 (kernel/xorshift.py) and the byte
pattern of kernel/tests/pattern.py, under CPython."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import kernel.tests.pattern as pattern
from kernel.xorshift import xorshift64
from pythos.lang import Array, addr_of, u8, u64

MASK = (1 << 64) - 1


def reference(x: int) -> int:
    """Marsaglia's xorshift64 (shifts 13, 7, 17) on plain 64-bit ints."""
    x ^= (x << 13) & MASK
    x ^= x >> 7
    x ^= (x << 17) & MASK
    return x


@given(st.integers(1, MASK))
def test_xorshift64_is_marsaglias_and_never_reaches_zero(seed: int) -> None:
    after = xorshift64(u64(seed))
    assert after == reference(seed)
    assert after != 0


def test_the_sequence_the_tests_and_benchmark_draw_is_unchanged() -> None:
    state = u64(0x2545F4914F6CDD1D)
    drawn = []
    for _ in range(3):
        state = xorshift64(state)
        drawn.append(int(state))
    expected = []
    x = 0x2545F4914F6CDD1D
    for _ in range(3):
        x = reference(x)
        expected.append(x)
    assert drawn == expected


def test_a_filled_block_is_intact_until_a_byte_changes() -> None:
    block = Array[u8, 64]()
    address = addr_of(block).addr
    pattern.fill(address, u64(64), u64(5))
    assert pattern.intact(address, u64(64), u64(5))
    assert not pattern.intact(address, u64(64), u64(6))
    block[40] = block[40] ^ u8(1)
    assert not pattern.intact(address, u64(64), u64(5))
    assert pattern.intact(address, u64(40), u64(5))

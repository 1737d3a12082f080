"""Host tests of the system calls' pure argument checks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kernel.proc import elf, syscalls
from pythos.lang import u64

TOP = int(elf.USER_TOP)


def ok(start: int, length: int) -> bool:
    return bool(syscalls.user_range_ok(u64(start), u64(length)))


def test_user_half_ranges():
    assert ok(0x401000, 22)
    assert ok(TOP - 8, 8)
    assert not ok(TOP - 8, 9)
    assert not ok(0, 1)                          # the null page
    assert not ok(0xFFFF800000000000, 8)         # the kernel half
    assert not ok(0x401000, 2**64 - 1)           # wraps around
    assert not ok(0x7FFF_FFFF_FFFF, 1)           # the last user page is never mapped


@given(st.integers(0, 2**64 - 1), st.integers(0, 2**64 - 1))
def test_accepted_ranges_lie_inside_the_user_half(start, length):
    if ok(start, length):
        assert int(elf.USER_BOTTOM) <= start and start + length <= TOP
    elif int(elf.USER_BOTTOM) <= start and start + length <= TOP:
        raise AssertionError("a range inside the user half was refused")

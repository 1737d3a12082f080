"""PhysAddr and VirtAddr: arithmetic, table indexes, canonical form, and
the compiler keeping the two types apart."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kernel.mm.addr import (
    PhysAddr,
    VirtAddr,
    align_down,
    align_up,
    is_canonical,
    is_power_of_two,
    phys,
    virt,
    virt_from_indexes,
    virt_truncate,
)
from pythos.lang import PanicError, u64
from tests.compiler.conftest import ROOT, env

ADDRESSES = st.integers(0, (1 << 64) - 1)
CANONICAL = st.one_of(st.integers(0, (1 << 47) - 1),
                      st.integers((1 << 64) - (1 << 47), (1 << 64) - 1))
ALIGNS = st.integers(0, 20).map(lambda b: 1 << b)


@given(CANONICAL)
def test_indexes_rebuild_the_address(value: int) -> None:
    v = virt(u64(value))
    indexes = [int(v.page_index(u64(level))) for level in (4, 3, 2, 1)]
    assert indexes == [(value >> shift) & 0x1FF for shift in (39, 30, 21, 12)]
    again = virt_from_indexes(*(u64(i) for i in indexes), v.page_offset())
    assert again.value == value


@given(ADDRESSES)
def test_canonical_check_and_truncate(value: int) -> None:
    top = value >> 47
    assert is_canonical(u64(value)) == (top in (0, 0x1FFFF))
    t = virt_truncate(u64(value))
    assert t.is_canonical()
    assert t.value & ((1 << 48) - 1) == value & ((1 << 48) - 1)


@given(ADDRESSES, ALIGNS)
def test_alignment(value: int, align: int) -> None:
    down = int(align_down(u64(value), u64(align)))
    assert down % align == 0 and down <= value < down + align
    up = int(align_up(u64(value), u64(align)))
    assert up == ((value + align - 1) // align * align) % (1 << 64)
    p = PhysAddr(u64(value))
    assert p.align_down(u64(align)).value == down
    assert p.align_up(u64(align)).value == up
    assert p.is_aligned(u64(align)) == (value % align == 0)
    v = VirtAddr(u64(value))
    assert v.align_down(u64(align)).value == down
    assert v.align_up(u64(align)).value == up


def test_examples() -> None:
    v = virt(u64(0xFFFF_8000_0020_1234))
    assert v.is_higher_half() and v.page_offset() == 0x234
    assert v.page_index(u64(4)) == 256 and v.page_index(u64(1)) == 1
    assert v.offset(u64(0x10)).value == 0xFFFF_8000_0020_1244
    assert PhysAddr(u64(0x5123)).frame_number() == 5
    assert is_power_of_two(u64(4096)) and not is_power_of_two(u64(0))
    assert not is_power_of_two(u64(12))
    with pytest.raises(PanicError, match="not canonical"):
        virt(u64(0x0000_8000_0000_0000))
    with pytest.raises(PanicError, match="52 bits"):
        phys(u64(1 << 52))


def test_types_are_distinct_under_cpython() -> None:
    from kernel.mm.addr import PhysAddr as P
    from pythos.lang import Ptr
    slot = Ptr[P]
    assert slot is not Ptr[VirtAddr]
    with pytest.raises(TypeError):
        P(VirtAddr(u64(1)))  # type: ignore[arg-type]


MIXED = '''
from pythos.lang import u64
from kernel.mm.addr import PhysAddr, VirtAddr


def frame_of(p: PhysAddr) -> u64:
    return p.frame_number()


def main() -> None:
    v = VirtAddr(u64(0x1000))
    print(frame_of(v))
'''


def test_mixing_the_types_is_a_compile_error(tmp_path) -> None:
    source = tmp_path / "mixed.py"
    source.write_text(MIXED)
    result = subprocess.run([sys.executable, "-m", "pythos", "check", str(source)],
                            cwd=ROOT, env=env(), capture_output=True, timeout=120)
    assert result.returncode == 1
    assert "expected PhysAddr, got VirtAddr" in result.stderr.decode()

"""GDT and TSS encoding: descriptors checked bit by bit against hand-computed
values and against a straightforward decoder."""

from __future__ import annotations

import ctypes

from hypothesis import given
from hypothesis import strategies as st

from kernel.arch.x86_64 import gdt
from pythos.lang import addr_of, sizeof, u8, u32, u64


def decode(d: int) -> dict[str, int]:
    """Split a segment descriptor into its fields (Intel SDM vol. 3, 3.4.5)."""
    return {
        "limit": (d & 0xFFFF) | ((d >> 48) & 0xF) << 16,
        "base": ((d >> 16) & 0xFFFFFF) | ((d >> 56) & 0xFF) << 24,
        "type": (d >> 40) & 0xF, "s": (d >> 44) & 1, "dpl": (d >> 45) & 3, "p": (d >> 47) & 1,
        "avl": (d >> 52) & 1, "l": (d >> 53) & 1, "db": (d >> 54) & 1, "g": (d >> 55) & 1,
    }


def test_kernel_and_user_segments_match_hand_computed_values() -> None:
    # The same values Linux uses for __KERNEL_CS, __KERNEL_DS, __USER_DS, __USER_CS.
    assert gdt.code_segment(u8(0)) == 0x00AF9B000000FFFF
    assert gdt.data_segment(u8(0)) == 0x00CF93000000FFFF
    assert gdt.data_segment(u8(3)) == 0x00CFF3000000FFFF
    assert gdt.code_segment(u8(3)) == 0x00AFFB000000FFFF


def test_code_segment_fields() -> None:
    f = decode(gdt.code_segment(u8(3)))
    assert f == {"limit": 0xFFFFF, "base": 0, "type": 0b1011, "s": 1, "dpl": 3, "p": 1,
                 "avl": 0, "l": 1, "db": 0, "g": 1}


def test_tss_descriptor_matches_hand_computed_value() -> None:
    base = u64(0xFFFFFFFF80123456)
    # limit 0x67 | base 23:0 0x123456 | access 0x89 | base 31:24 0x80
    assert gdt.tss_descriptor_low(base, u32(103)) == 0x8000_8912_3456_0067
    assert gdt.tss_descriptor_high(base) == 0xFFFFFFFF


@given(st.integers(0, 2**32 - 1), st.integers(0, 0xFFFFF), st.integers(0, 255),
       st.integers(0, 15))
def test_segment_descriptor_round_trips(base: int, limit: int, access: int, flags: int) -> None:
    d = gdt.segment_descriptor(u32(base), u32(limit), u8(access), u8(flags))
    f = decode(d)
    assert (f["base"], f["limit"]) == (base, limit)
    assert (d >> 40) & 0xFF == access
    assert (d >> 52) & 0xF == flags


@given(st.integers(0, 2**64 - 1))
def test_tss_descriptor_base_spans_both_slots(base: int) -> None:
    low = gdt.tss_descriptor_low(u64(base), u32(103))
    high = gdt.tss_descriptor_high(u64(base))
    f = decode(low)
    assert f["base"] | (high & 0xFFFFFFFF) << 32 == base
    assert high >> 32 == 0
    assert (f["type"], f["s"], f["p"], f["dpl"], f["limit"]) == (0x9, 0, 1, 0, 103)


def test_tss_layout() -> None:
    # Packed: rsp at 4, ist at 36, io_map_base in the last two of 104 bytes.
    assert sizeof(gdt.TaskStateSegment) == 104
    tss = gdt.TaskStateSegment()
    base = addr_of(tss).addr
    assert addr_of(tss.rsp).addr - base == 4
    assert addr_of(tss.ist).addr - base == 36
    assert sizeof(gdt.DescriptorTablePointer) == 10


def test_selectors_suit_syscall_and_sysret() -> None:
    # syscall: CS = STAR[47:32], SS = CS + 8.  sysret: SS = base + 8, CS = base + 16.
    assert gdt.KERNEL_DATA_SELECTOR == gdt.KERNEL_CODE_SELECTOR + 8
    sysret_base = gdt.KERNEL_DATA_SELECTOR
    assert (sysret_base + 8) | 3 == gdt.USER_DATA_SELECTOR
    assert (sysret_base + 16) | 3 == gdt.USER_CODE_SELECTOR


def test_build_fills_the_table() -> None:
    gdt.build()
    table = [int(gdt.GDT[i]) for i in range(gdt.GDT_ENTRIES)]
    assert table[0] == 0
    for selector, dpl, code in ((gdt.KERNEL_CODE_SELECTOR, 0, True),
                                (gdt.KERNEL_DATA_SELECTOR, 0, False),
                                (gdt.USER_DATA_SELECTOR, 3, False),
                                (gdt.USER_CODE_SELECTOR, 3, True)):
        f = decode(table[selector >> 3])
        assert (f["dpl"], f["type"] >> 3, f["l"]) == (dpl, int(code), int(code))
        assert selector & 3 == dpl
    tss = decode(table[gdt.TSS_SELECTOR >> 3])
    tss_base = tss["base"] | (table[(gdt.TSS_SELECTOR >> 3) + 1] << 32)
    assert tss_base == addr_of(gdt.TSS).addr
    assert tss["limit"] == 103
    assert gdt.TSS.io_map_base == 104


def test_ist_stacks_are_distinct_and_aligned() -> None:
    gdt.build()
    stacks = [gdt.double_fault_stack, gdt.nmi_stack, gdt.machine_check_stack]
    slots = [gdt.DOUBLE_FAULT_IST, gdt.NMI_IST, gdt.MACHINE_CHECK_IST]
    for stack, slot in zip(stacks, slots, strict=True):
        top = int(gdt.TSS.ist[slot - 1])
        bottom = addr_of(stack).addr
        assert top % 16 == 0
        assert 0 < top - bottom <= gdt.IST_STACK_SIZE
        assert top - bottom > gdt.IST_STACK_SIZE - 16
    assert len({int(gdt.TSS.ist[s - 1]) for s in slots}) == 3
    assert ctypes.sizeof(ctypes.c_uint64) * len(gdt.double_fault_stack) == gdt.IST_STACK_SIZE


@given(st.integers(0, 2**63), st.integers(0, 2**20))
def test_stack_top_is_aligned_and_inside(bottom: int, size: int) -> None:
    top = gdt.stack_top(u64(bottom), u64(size))
    assert top % 16 == 0
    assert bottom + size - 16 < top <= bottom + size

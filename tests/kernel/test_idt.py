"""IDT gate encoding: the bit layout against hand-computed values and a decoder."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kernel.arch.x86_64 import idt
from pythos.lang import addr_of, sizeof, u8, u16, u64


def decode(gate: idt.GateDescriptor) -> dict[str, int]:
    low, high = int(gate.low), int(gate.high)
    return {
        "offset": (low & 0xFFFF) | ((low >> 48) & 0xFFFF) << 16 | (high & 0xFFFFFFFF) << 32,
        "selector": (low >> 16) & 0xFFFF, "ist": (low >> 32) & 7, "zero": (low >> 35) & 0x1F,
        "type": (low >> 40) & 0xF, "s": (low >> 44) & 1, "dpl": (low >> 45) & 3,
        "p": (low >> 47) & 1, "reserved": high >> 32,
    }


def test_gate_matches_hand_computed_value() -> None:
    gate = idt.encode_gate(u64(0xFFFFFFFF8010ABCD), u16(0x08), u8(1), idt.TYPE_INTERRUPT_GATE,
                           u8(0))
    # offset 31:16 = 0x8010, P=1 DPL=0 type=0xE -> 0x8E, IST 1, selector 0x0008,
    # offset 15:0 = 0xABCD; high = offset 63:32.
    assert gate.low == 0x8010_8E01_0008_ABCD
    assert gate.high == 0x0000_0000_FFFF_FFFF


def test_trap_gate_for_ring_3() -> None:
    gate = idt.encode_gate(u64(0x1234), u16(0x08), u8(0), idt.TYPE_TRAP_GATE, u8(3))
    assert gate.low == 0x0000_EF00_0008_1234
    assert gate.high == 0


@given(st.integers(0, 2**64 - 1), st.integers(0, 0xFFFF), st.integers(0, 7),
       st.sampled_from([0xE, 0xF]), st.integers(0, 3))
def test_gate_round_trips(handler: int, selector: int, ist: int, gate_type: int,
                          dpl: int) -> None:
    gate = idt.encode_gate(u64(handler), u16(selector), u8(ist), u8(gate_type), u8(dpl))
    assert decode(gate) == {"offset": handler, "selector": selector, "ist": ist, "zero": 0,
                            "type": gate_type, "s": 0, "dpl": dpl, "p": 1, "reserved": 0}
    assert gate.offset() == handler
    assert gate.is_present()


def test_set_handler_uses_a_kernel_interrupt_gate() -> None:
    idt.set_handler(u8(200), u64(0xFFFFFFFF80201000), u8(2))
    f = decode(idt.IDT[200])
    assert f == {"offset": 0xFFFFFFFF80201000, "selector": 0x08, "ist": 2, "zero": 0,
                 "type": 0xE, "s": 0, "dpl": 0, "p": 1, "reserved": 0}
    idt.set_handler(u8(201), u64(0x1000))
    assert decode(idt.IDT[201])["ist"] == 0
    idt.clear_handler(u8(200))
    idt.clear_handler(u8(201))
    assert not idt.IDT[200].is_present()


def test_table_size() -> None:
    assert sizeof(idt.GateDescriptor) == idt.GATE_SIZE
    assert len(idt.IDT) == idt.VECTORS
    first, second = addr_of(idt.IDT[0]).addr, addr_of(idt.IDT[1]).addr
    assert second - first == 16

"""The 8259 PIC driver against recorded port writes and a model of the ISR."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kernel.arch.x86_64.pic as pic
from kernel.arch.x86_64 import idt
from pythos.lang import InterruptFrame, addr_of, func_addr, u8, u16

from .fake_hardware import FakeInterruptFlag, FakePorts

MASTER_CMD, MASTER_DATA, SLAVE_CMD, SLAVE_DATA = 0x20, 0x21, 0xA0, 0xA1


def test_init_sends_the_icw_sequence(ports: FakePorts,
                                     interrupt_flag: FakeInterruptFlag) -> None:
    pic.init()
    assert ports.writes == [
        (MASTER_CMD, 0x11), (SLAVE_CMD, 0x11),      # ICW1: init, ICW4 follows
        (MASTER_DATA, 32), (SLAVE_DATA, 40),        # ICW2: vector offsets
        (MASTER_DATA, 0x04), (SLAVE_DATA, 0x02),    # ICW3: slave on IRQ 2
        (MASTER_DATA, 0x01), (SLAVE_DATA, 0x01),    # ICW4: 8086 mode
        (MASTER_DATA, 0xFB), (SLAVE_DATA, 0xFF),    # OCW1: all masked but the cascade
    ]
    assert idt.IDT[39].offset() == func_addr(pic.on_irq7)
    assert idt.IDT[47].offset() == func_addr(pic.on_irq15)
    assert not interrupt_flag.enabled


def test_vectors() -> None:
    assert [int(pic.vector(u8(i))) for i in (0, 1, 7, 8, 15)] == [32, 33, 39, 40, 47]


def test_unmask_slave_line_opens_the_cascade(ports: FakePorts,
                                             interrupt_flag: FakeInterruptFlag) -> None:
    pic.init()
    ports.writes.clear()
    pic.mask(u8(2))
    pic.unmask(u8(12))
    assert ports.writes[-2:] == [(MASTER_DATA, 0xFB), (SLAVE_DATA, 0xEF)]
    assert not pic.is_masked(u8(2)) and not pic.is_masked(u8(12))
    pic.unmask(u8(0))
    assert ports.writes[-2:] == [(MASTER_DATA, 0xFA), (SLAVE_DATA, 0xEF)]


@given(st.lists(st.tuples(st.integers(0, 15), st.booleans()), max_size=40))
def test_mask_updates_match_a_model(changes: list[tuple[int, bool]]) -> None:
    model = 0xFFFB
    current = u16(model)
    for irq, masked in changes:
        if masked:
            current = pic.with_line_masked(current, u8(irq))
            model |= 1 << irq
        else:
            current = pic.with_line_unmasked(current, u8(irq))
            model &= ~(1 << irq)
            if irq >= 8:
                model &= ~(1 << 2)
        assert current == model


@pytest.mark.parametrize("irq, expected", [
    (0, [(MASTER_CMD, 0x20)]),
    (1, [(MASTER_CMD, 0x20)]),
    (8, [(SLAVE_CMD, 0x20), (MASTER_CMD, 0x20)]),
    (14, [(SLAVE_CMD, 0x20), (MASTER_CMD, 0x20)]),
])
def test_eoi_goes_to_the_slave_first(ports: FakePorts, irq: int,
                                     expected: list[tuple[int, int]]) -> None:
    pic.send_eoi(u8(irq))
    assert ports.writes == expected


class Isr:
    """A chip's In-Service Register, readable after OCW3 0x0B."""

    def __init__(self, value: int) -> None:
        self.value = value
        self.selected = False

    def write(self, port: int, value: int) -> None:
        self.selected = value == 0x0B

    def read(self, port: int) -> int:
        assert self.selected, "read the ISR without selecting it with OCW3"
        return self.value


@pytest.mark.parametrize("isr, spurious", [(0x00, True), (0x80, False), (0x7F, True)])
def test_irq7(ports: FakePorts, isr: int, spurious: bool) -> None:
    chip = Isr(isr)
    ports.attach([MASTER_CMD], chip.read, chip.write)
    before = pic.spurious_interrupts()
    frame = InterruptFrame()
    pic.on_irq7(addr_of(frame))
    eois = [w for w in ports.writes if w[1] == 0x20]
    assert (pic.spurious_interrupts() - before, eois) == \
        ((1, []) if spurious else (0, [(MASTER_CMD, 0x20)]))


@pytest.mark.parametrize("isr, spurious", [(0x00, True), (0x80, False)])
def test_irq15(ports: FakePorts, isr: int, spurious: bool) -> None:
    chip = Isr(isr)
    ports.attach([SLAVE_CMD], chip.read, chip.write)
    before = pic.spurious_interrupts()
    frame = InterruptFrame()
    pic.on_irq15(addr_of(frame))
    eois = [w for w in ports.writes if w[1] == 0x20]
    # A spurious IRQ 15 still ends the master's (real) IRQ 2.
    expected = [(MASTER_CMD, 0x20)] if spurious else [(SLAVE_CMD, 0x20), (MASTER_CMD, 0x20)]
    assert (pic.spurious_interrupts() - before, eois) == (int(spurious), expected)

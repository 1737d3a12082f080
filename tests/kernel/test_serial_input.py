"""COM1 receive interrupts: enabling, draining the FIFO in the handler, overflow."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

import pytest

import kernel.clock as clock
import kernel.drivers.serial as serial
import kernel.drivers.serial_input as serial_input
from kernel.arch.x86_64 import idt, pic
from kernel.drivers import scancode as sc
from kernel.drivers.terminal import TerminalDecoder, key_event
from pythos.lang import Array, InterruptFrame, addr_of, func_addr, u8, u64

from .fake_hardware import FakeInterruptFlag, FakePorts
from .helpers import ring_buffer

COM1 = 0x3F8


class FakeUart:
    def __init__(self) -> None:
        self.fifo: deque[int] = deque()
        self.overrun = False

    def line_status(self, port: int) -> int:
        status = 0x20 | (0x01 if self.fifo else 0x00) | (0x02 if self.overrun else 0x00)
        self.overrun = False          # reading LSR clears the overrun bit
        return status

    def receive(self, port: int) -> int:
        return self.fifo.popleft() if self.fifo else 0

    def attach(self, ports: FakePorts) -> None:
        ports.attach([COM1 + 5], self.line_status)
        ports.attach([COM1], self.receive)


@pytest.fixture
def uart(ports: FakePorts, interrupt_flag: FakeInterruptFlag,
         monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeUart]:
    monkeypatch.setattr(serial, "present", True)
    monkeypatch.setattr(serial, "overruns", Array[u64, 1]())
    monkeypatch.setattr(serial_input, "buffer", ring_buffer())
    monkeypatch.setattr(serial_input, "enabled", False)
    fake = FakeUart()
    fake.attach(ports)
    yield fake


def test_init_enables_receive_interrupts_on_irq4(uart: FakeUart, ports: FakePorts) -> None:
    assert serial_input.init()
    assert (COM1 + 1, 0x01) in ports.writes
    assert idt.IDT[36].offset() == func_addr(serial_input.on_irq4)
    assert not pic.is_masked(u8(4))


def test_no_uart_no_interrupts(ports: FakePorts, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serial, "present", False)
    assert not serial_input.init()
    assert ports.writes == []


def test_handler_drains_the_fifo_and_acknowledges(uart: FakeUart, ports: FakePorts) -> None:
    serial_input.init()
    uart.fifo.extend(b"hello\r")
    ports.writes.clear()
    frame = InterruptFrame()
    serial_input.on_irq4(addr_of(frame))
    assert ports.writes == [(0x20, 0x20)]
    received = []
    while (b := serial_input.read_byte()) >= 0:
        received.append(b)
    assert bytes(received) == b"hello\r"
    assert not serial_input.has_input()


def test_handler_stops_after_a_fifo_full(uart: FakeUart) -> None:
    serial_input.init()
    uart.fifo.extend(range(40))
    frame = InterruptFrame()
    serial_input.on_irq4(addr_of(frame))
    assert serial_input.buffer.length() == serial_input.DRAIN_LIMIT


def test_flood_is_counted(uart: FakeUart) -> None:
    serial_input.init()
    frame = InterruptFrame()
    for _ in range(3 * int(serial_input.BUFFER_CAPACITY) // 16):
        uart.fifo.extend([0x41] * 16)
        serial_input.on_irq4(addr_of(frame))
    assert serial_input.dropped_bytes() == 2 * serial_input.BUFFER_CAPACITY


def test_a_lone_escape_becomes_the_escape_key_after_a_pause(
        uart: FakeUart, monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1000]
    monkeypatch.setattr(clock, "uptime_ms", lambda: u64(now[0]))
    monkeypatch.setattr(serial_input, "decoder", TerminalDecoder())
    monkeypatch.setattr(serial_input, "next_decoded", u8(0))
    monkeypatch.setattr(serial_input, "last_byte_at", u64(0))
    serial_input.init()
    frame = InterruptFrame()

    def receive(data: bytes) -> None:
        uart.fifo.extend(data)
        serial_input.on_irq4(addr_of(frame))

    receive(b"a\x1b")
    assert serial_input.read_event() == ord("a")
    assert serial_input.read_event() == serial_input.NO_EVENT
    now[0] += int(serial_input.SEQUENCE_TIMEOUT_MS) - 1
    assert serial_input.read_event() == serial_input.NO_EVENT     # a sequence may follow
    receive(b"[A")                                                 # and it did
    assert serial_input.read_event() == key_event(sc.KEY_UP)
    receive(b"\x1b")
    assert serial_input.read_event() == serial_input.NO_EVENT
    now[0] += int(serial_input.SEQUENCE_TIMEOUT_MS)
    assert serial_input.read_event() == key_event(sc.KEY_ESCAPE)  # nothing followed
    receive(b"[x")
    assert serial_input.read_event() == ord("[")
    assert serial_input.read_event() == ord("x")
    assert not serial_input.has_input()


def test_receive_overruns_are_counted(uart: FakeUart) -> None:
    serial_input.init()
    frame = InterruptFrame()
    uart.fifo.extend(b"ab")
    uart.overrun = True             # a byte was lost before "ab" could be read
    serial_input.on_irq4(addr_of(frame))
    assert serial.receive_overruns() == 1
    uart.fifo.extend(b"c")
    serial_input.on_irq4(addr_of(frame))
    assert serial.receive_overruns() == 1
    assert [serial_input.read_byte() for _ in range(3)] == [ord("a"), ord("b"), ord("c")]

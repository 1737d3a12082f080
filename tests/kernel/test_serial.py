"""The COM1 transmitter: a busy UART delays output but never loses it
silently (issue 10, item 11).

The fake UART's line status register says "THR busy" for a programmed
number of polls; the fake time stamp counter advances by a fixed number of
cycles per poll, so a test decides how long, in cycles, the UART stays
busy.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import kernel.arch.x86_64.cpu as cpu
import kernel.drivers.serial as serial
from pythos.lang import Array, addr_of, str_bytes, u8, u64

from .fake_hardware import FakePorts

COM1 = 0x3F8


class BusyUart:
    """A transmitter that stays busy for ``busy_polls`` status reads after
    each byte (``None``: busy for good), on a clock of ``cycles_per_poll``."""

    def __init__(self, ports: FakePorts) -> None:
        self.sent = bytearray()
        self.busy_polls: int | None = 0
        self.cycles_per_poll = 100
        self.remaining: int | None = 0
        self.polls = 0
        self.tsc = 0
        ports.attach([COM1 + 5], read=self.line_status)
        ports.attach([COM1], write=self.transmit)

    def line_status(self, port: int) -> int:
        self.polls += 1
        self.tsc += self.cycles_per_poll
        if self.remaining is None:
            return 0x00
        if self.remaining > 0:
            self.remaining -= 1
            return 0x00
        return 0x20

    def transmit(self, port: int, value: int) -> None:
        assert self.remaining == 0, "a byte was written while THR was busy"
        self.sent.append(value)
        self.remaining = self.busy_polls

    def timestamp(self) -> u64:
        return u64(self.tsc)


@pytest.fixture
def uart(ports: FakePorts, monkeypatch: pytest.MonkeyPatch) -> Iterator[BusyUart]:
    fake = BusyUart(ports)
    monkeypatch.setattr(cpu, "timestamp", fake.timestamp)
    monkeypatch.setattr(serial, "present", True)
    monkeypatch.setattr(serial, "stalled", False, raising=False)
    monkeypatch.setattr(serial, "dropped", Array[u64, 1](), raising=False)
    yield fake


def send(text: bytes) -> None:
    data = Array[u8, 64]()
    for i, b in enumerate(text):
        data[i] = u8(b)
    serial.write(addr_of(data), u64(len(text)))


def test_a_ready_uart_sends_every_byte(uart: BusyUart) -> None:
    send(b"general protection fault")
    assert bytes(uart.sent) == b"general protection fault"
    assert serial.dropped_output() == 0


def test_a_uart_busy_for_long_loses_nothing(uart: BusyUart) -> None:
    # Busy for 150,000 polls of 1,000 cycles each (0.15 s at 1 GHz): more
    # polls than the old fixed bound of 100,000, well inside the time bound.
    uart.busy_polls = 150_000
    uart.cycles_per_poll = 1_000
    send(b"fault")
    assert bytes(uart.sent) == b"fault"
    assert serial.dropped_output() == 0
    assert not serial.stalled


def test_a_counter_jump_alone_does_not_drop(uart: BusyUart) -> None:
    # The host descheduled QEMU: the first poll already sees the time bound
    # passed.  The byte still waits the minimum number of polls.
    uart.busy_polls = 5_000
    uart.cycles_per_poll = int(serial.TRANSMIT_TIMEOUT_CYCLES)
    send(b"ab")
    assert bytes(uart.sent) == b"ab"
    assert serial.dropped_output() == 0


def test_a_dead_uart_counts_what_it_drops(uart: BusyUart) -> None:
    send(b"ok")
    uart.busy_polls = None            # dies after this byte
    uart.cycles_per_poll = 1_000_000  # 1 ms per poll at 1 GHz
    send(b"x")                        # "x" itself is sent, then THR stays busy
    polls_before = uart.polls
    send(b"lost")
    assert bytes(uart.sent) == b"okx"
    assert serial.dropped_output() == 4
    assert serial.stalled
    # The first byte waited the full time bound, the other three only the
    # short stalled bound, so a dead UART does not cost seconds per byte.
    full = int(serial.TRANSMIT_TIMEOUT_CYCLES) // 1_000_000
    short = max(int(serial.STALLED_MIN_POLLS),
                int(serial.STALLED_TIMEOUT_CYCLES) // 1_000_000)
    polls = uart.polls - polls_before
    assert polls <= max(full, int(serial.TRANSMIT_MIN_POLLS)) + 3 * short + 8


def test_a_uart_that_recovers_ends_the_stall(uart: BusyUart) -> None:
    uart.busy_polls = None
    uart.cycles_per_poll = 10_000_000
    send(b"a")
    send(b"bc")
    assert serial.dropped_output() == 2 and serial.stalled
    uart.busy_polls = 0
    uart.remaining = 0
    send(b"de")
    assert bytes(uart.sent) == b"ade"
    assert not serial.stalled
    assert serial.dropped_output() == 2


def test_put_str_waits_too(uart: BusyUart) -> None:
    uart.busy_polls = 120_000
    uart.cycles_per_poll = 10
    with serial.lock:
        serial.put_str("ok")
    assert bytes(uart.sent) == bytes(str_bytes("ok"))


def test_an_overrun_seen_while_sending_is_counted(uart: BusyUart, ports: FakePorts) -> None:
    # Reading the line status clears the overrun bit, so the transmitter's
    # polls must count it too, or the receive side would never learn of it.
    statuses = iter([0x02, 0x20])      # busy with an overrun, then empty
    ports.attach([COM1 + 5], read=lambda port: next(statuses, 0x20))
    send(b"k")
    assert bytes(uart.sent) == b"k"
    assert serial.receive_overruns() == 1

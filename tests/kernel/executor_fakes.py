"""A simulated CPU, clock and devices for the executor's host tests.

``FakeCpu`` is the interrupt flag with interrupts in it: a device
*raises* an interrupt, which runs its handler at once when IF is set and
is held pending while IF is clear, to run the moment IF is set again:
at ``restore``/``enable``, or when ``enable_and_halt`` (``sti; hlt``)
halts.  A halt with nothing pending asks the fake timer (``tick``) to
advance the clock to the next deadline and deliver a timer interrupt; a
halt that nothing can ever end raises ``HaltedForever``, which is how a
lost wake-up shows in a test (on a real machine: a hang).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

import kernel.arch.x86_64.irqflags as irqflags
import kernel.drivers.keyboard as keyboard
import kernel.drivers.serial as serial
import kernel.drivers.serial_input as serial_input
from kernel.drivers.keyboard_leds import LedUpdater
from kernel.drivers.scancode import Decoder
from kernel.drivers.terminal import TerminalDecoder
from kernel.task import executor
from kernel.task.executor import Executor
from kernel.task.timers import NEVER, TIMERS
from kernel.task.waker import KEYBOARD, SERIAL
from pythos.lang import Array, InterruptFrame, addr_of, u8, u64

from .fake_hardware import FakePorts
from .helpers import ring_buffer

Handler = Callable[[], object]


class HaltedForever(Exception):
    """The CPU halted with no interrupt pending and no timer to come."""


class FakeClock:
    """Milliseconds that move only when a test (or the fake timer) moves them."""

    def __init__(self) -> None:
        self.ms = 0
        self.reads = 0
        # Called at every read: a test can make an interrupt arrive then.
        self.on_read: Handler = lambda: None

    def now(self) -> u64:
        self.reads += 1
        self.on_read()
        return u64(self.ms)


class FakeCpu:
    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.enabled = True
        self.pending: list[Handler] = []
        self.halts = 0
        self.delivered = 0

    def raise_irq(self, handler: Handler) -> None:
        """A device asserts its line: run ``handler`` now, or when IF is set."""
        if self.enabled:
            self.run(handler)
        else:
            self.pending.append(handler)

    def run(self, handler: Handler) -> None:
        # An interrupt gate clears IF for the handler and iretq restores it.
        self.enabled = False
        handler()
        self.enabled = True
        self.delivered += 1

    def deliver_pending(self) -> bool:
        delivered = False
        while self.pending and self.enabled:
            self.run(self.pending.pop(0))
            delivered = True
        return delivered

    def save_and_disable(self) -> u64:
        flags = u64(irqflags.RFLAGS_IF if self.enabled else 0)
        self.enabled = False
        return flags

    def restore(self, flags: u64) -> None:
        if flags & irqflags.RFLAGS_IF:
            self.enable()

    def enable(self) -> None:
        self.enabled = True
        self.deliver_pending()

    def disable(self) -> None:
        self.enabled = False

    def enable_and_halt(self) -> None:
        """``sti; hlt``: the sti shadow means a pending interrupt ends the halt."""
        self.enabled = True
        self.halts += 1
        if self.deliver_pending():
            return
        deadline = TIMERS.next_deadline()
        if deadline == NEVER:
            raise HaltedForever("halted with no interrupt pending and no timer set")
        # The PIT ticks until the deadline; the tick at it wakes the CPU.
        self.clock.ms = max(self.clock.ms, int(deadline))
        self.delivered += 1


def install_cpu(monkeypatch: pytest.MonkeyPatch, cpu: FakeCpu) -> None:
    for name in ("save_and_disable", "restore", "enable", "disable", "enable_and_halt"):
        monkeypatch.setattr(irqflags, name, getattr(cpu, name))


class Machine:
    """An executor on a fake clock and CPU."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.clock = FakeClock()
        self.cpu = FakeCpu(self.clock)
        install_cpu(monkeypatch, self.cpu)
        self.executor: Executor = executor.init(self.clock.now)
        KEYBOARD.clear()
        SERIAL.clear()


@pytest.fixture
def machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[Machine]:
    yield Machine(monkeypatch)
    executor.the_executor.clear()


class FakeKeyboardController:
    """Port 0x60/0x64 of an 8042 holding bytes the keyboard sent."""

    def __init__(self) -> None:
        self.output: list[int] = []

    def status(self, port: int) -> int:
        return 0x01 if self.output else 0x00

    def data(self, port: int) -> int:
        return self.output.pop(0) if self.output else 0

    def attach(self, ports: FakePorts) -> None:
        ports.attach([0x64], self.status)
        ports.attach([0x60], self.data)


@pytest.fixture
def keyboard_device(ports: FakePorts, monkeypatch: pytest.MonkeyPatch
                    ) -> Iterator[FakeKeyboardController]:
    monkeypatch.setattr(keyboard, "buffer", ring_buffer(int(keyboard.BUFFER_CAPACITY)))
    monkeypatch.setattr(keyboard, "decoder", Decoder())
    monkeypatch.setattr(keyboard, "leds", LedUpdater())
    monkeypatch.setattr(keyboard, "present", False)
    controller = FakeKeyboardController()
    controller.attach(ports)
    yield controller


def key_interrupt(controller: FakeKeyboardController, scancode: int) -> Handler:
    """The handler run for one byte from the keyboard: the real ``on_irq1``."""
    def handler() -> None:
        controller.output.append(scancode)
        frame = InterruptFrame()
        keyboard.on_irq1(addr_of(frame))
    return handler


class FakeUart:
    def __init__(self) -> None:
        self.fifo: list[int] = []

    def line_status(self, port: int) -> int:
        return 0x20 | (0x01 if self.fifo else 0x00)

    def receive(self, port: int) -> int:
        return self.fifo.pop(0) if self.fifo else 0

    def attach(self, ports: FakePorts) -> None:
        ports.attach([0x3F8 + 5], self.line_status)
        ports.attach([0x3F8], self.receive)


@pytest.fixture
def uart(ports: FakePorts, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeUart]:
    monkeypatch.setattr(serial, "present", True)
    monkeypatch.setattr(serial, "overruns", Array[u64, 1]())
    monkeypatch.setattr(serial_input, "buffer", ring_buffer(8192))
    monkeypatch.setattr(serial_input, "enabled", True)
    monkeypatch.setattr(serial_input, "decoder", TerminalDecoder())
    monkeypatch.setattr(serial_input, "next_decoded", u8(0))
    fake = FakeUart()
    fake.attach(ports)
    yield fake


def serial_interrupt(uart: FakeUart, data: bytes) -> Handler:
    """The handler run when ``data`` reaches the UART: the real ``on_irq4``."""
    def handler() -> None:
        uart.fifo.extend(data)
        frame = InterruptFrame()
        serial_input.on_irq4(addr_of(frame))
    return handler

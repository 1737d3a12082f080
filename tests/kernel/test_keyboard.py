"""The PS/2 keyboard driver against a model 8042 controller, and the path from
IRQ 1 through the ring buffer to key events."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kernel.drivers.keyboard as keyboard
from kernel.arch.x86_64 import idt, pic
from kernel.drivers import scancode as sc
from kernel.drivers.keyboard_leds import LedUpdater
from kernel.drivers.scancode import Decoder
from pythos.lang import InterruptFrame, addr_of, func_addr, u8

from .fake_hardware import FakeInterruptFlag, FakePorts
from .helpers import ring_buffer


class Fake8042:
    """Just enough of an 8042 controller with a keyboard on port 1."""

    def __init__(self, self_test: int = 0x55, config: int = 0x61) -> None:
        self.output: deque[int] = deque([0x1E, 0x9E])      # stale keys to flush
        self.config = config
        self.self_test = self_test
        self.awaiting_config = False
        self.awaiting_output = False
        self.port1_enabled = True
        self.scanning = False
        self.commands: list[int] = []
        self.leds = 0
        self.awaiting_leds = False

    def status(self, port: int) -> int:
        return 0x01 if self.output else 0x00

    def data(self, port: int) -> int:
        return self.output.popleft() if self.output else 0x00

    def command(self, port: int, value: int) -> None:
        self.commands.append(value)
        if value == 0x20:
            self.output.append(self.config)
        elif value == 0x60:
            self.awaiting_config = True
        elif value == 0xD2:
            self.awaiting_output = True
        elif value == 0xAA:
            self.output.append(self.self_test)
            self.config = 0x61           # self-test may reset the configuration
        elif value == 0xAB:
            self.output.append(0x00)
        elif value == 0xAD:
            self.port1_enabled = False
        elif value == 0xAE:
            self.port1_enabled = True

    def write_data(self, port: int, value: int) -> None:
        if self.awaiting_config:
            self.config = value
            self.awaiting_config = False
        elif self.awaiting_output:
            self.output.append(value)
            self.awaiting_output = False
        elif self.awaiting_leds:
            self.leds = value
            self.awaiting_leds = False
            self.output.append(0xFA)
        elif value == 0xF4:
            self.scanning = True
            self.output.append(0xFA)
        elif value == 0xED:
            self.awaiting_leds = True
            self.output.append(0xFA)

    def attach(self, ports: FakePorts) -> None:
        ports.attach([0x64], self.status, self.command)
        ports.attach([0x60], self.data, self.write_data)


@pytest.fixture
def fresh_driver(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(keyboard, "buffer", ring_buffer())
    monkeypatch.setattr(keyboard, "decoder", Decoder())
    monkeypatch.setattr(keyboard, "leds", LedUpdater())
    monkeypatch.setattr(keyboard, "present", False)
    yield


def test_init_configures_the_controller(ports: FakePorts, interrupt_flag: FakeInterruptFlag,
                                        fresh_driver: None) -> None:
    controller = Fake8042()
    controller.attach(ports)
    assert keyboard.init()
    assert keyboard.present
    assert controller.commands[:2] == [0xAD, 0xA7]           # both ports off first
    assert 0xAA in controller.commands and 0xAB in controller.commands
    assert controller.port1_enabled and controller.scanning
    # IRQ 1 on, translation on, port 2 IRQ off, port 1 clock on.
    assert controller.config & 0x01 and controller.config & 0x40
    assert not controller.config & 0x02 and not controller.config & 0x10
    assert not controller.output                              # stale bytes flushed
    assert idt.IDT[33].offset() == func_addr(keyboard.on_irq1)
    assert not pic.is_masked(u8(1))
    assert ports.writes_to(0x21)[-1][1] & 0x02 == 0


def test_inject_scancode_goes_through_the_output_buffer(
        ports: FakePorts, interrupt_flag: FakeInterruptFlag, fresh_driver: None) -> None:
    controller = Fake8042()
    controller.attach(ports)
    assert not keyboard.inject_scancode(u8(0x1E))       # no controller set up yet
    assert keyboard.init()
    assert not keyboard.output_pending()
    assert keyboard.inject_scancode(u8(0x1E))
    assert keyboard.output_pending()
    assert list(controller.output) == [0x1E]


def test_failed_self_test_leaves_the_keyboard_off(ports: FakePorts,
                                                  interrupt_flag: FakeInterruptFlag,
                                                  fresh_driver: None) -> None:
    Fake8042(self_test=0xFC).attach(ports)
    assert not keyboard.init()
    assert not keyboard.present


def test_missing_controller_times_out(ports: FakePorts, interrupt_flag: FakeInterruptFlag,
                                      fresh_driver: None,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # No device: every port reads 0xFF, so the controller always looks busy.
    monkeypatch.setattr(keyboard, "TIMEOUT_POLLS", 50)
    assert not keyboard.init()
    assert not keyboard.present


def interrupt_with(ports: FakePorts, data: list[int]) -> None:
    """Deliver each byte as one IRQ 1."""
    frame = InterruptFrame()
    pending: list[int] = []
    ports.attach([0x64], lambda p: 0x01 if pending else 0x00)
    ports.attach([0x60], lambda p: pending.pop())
    for b in data:
        pending.append(b)
        keyboard.on_irq1(addr_of(frame))


def test_irq_to_events(ports: FakePorts, fresh_driver: None) -> None:
    interrupt_with(ports, [0x2A, 0x23, 0xA3, 0xAA, 0x17, 0x97, 0xE0, 0x48, 0xE0, 0xC8])
    assert ports.writes_to(0x20) == [(0x20, 0x20)] * 10    # an EOI each
    events = []
    while (e := keyboard.next_event()).is_key():
        events.append((int(e.key), bool(e.pressed), chr(e.char) if e.char else ""))
    assert events == [(0x2A, True, ""), (0x23, True, "H"), (0x23, False, "H"),
                      (0x2A, False, ""), (0x17, True, "i"), (0x17, False, "i"),
                      (sc.KEY_UP, True, ""), (sc.KEY_UP, False, "")]


def test_read_char_skips_releases_and_silent_keys(ports: FakePorts, fresh_driver: None) -> None:
    interrupt_with(ports, [0x3B, 0xBB, 0x23, 0xA3, 0x39, 0xB9, 0x1C])
    chars = []
    while (c := keyboard.read_char()) >= 0:
        chars.append(chr(c))
    assert "".join(chars) == "h \n"
    assert keyboard.read_char() == -1


@given(st.integers(0, 3 * int(keyboard.BUFFER_CAPACITY)))
@settings(max_examples=20, deadline=None)
def test_a_flood_is_counted_not_fatal(presses: int) -> None:
    ports = FakePorts()
    with pytest.MonkeyPatch.context() as mp:
        import kernel.arch.x86_64.port as port
        mp.setattr(port, "read8", ports.read8)
        mp.setattr(port, "write8", ports.write8)
        mp.setattr(keyboard, "buffer", ring_buffer())
        mp.setattr(keyboard, "decoder", Decoder())
        mp.setattr(keyboard, "leds", LedUpdater())
        interrupt_with(ports, [0x1E] * presses)       # 'a' held down: typematic repeat
        stored = min(presses, int(keyboard.BUFFER_CAPACITY))
        assert keyboard.dropped_scancodes() == presses - stored
        count = 0
        while keyboard.read_char() == ord("a"):
            count += 1
        assert count == stored

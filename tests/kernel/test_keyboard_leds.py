"""The lock LEDs: the LED byte, the 0xED exchange as a state machine against
model keyboards (with Hypothesis injecting lost and garbled bytes), and the
driver, where the keyboard's answers travel through IRQ 1 among the
scancodes and must never reach the decoder."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kernel.clock as clock
import kernel.drivers.keyboard as keyboard
from kernel.drivers import scancode as sc
from kernel.drivers.keyboard_leds import (
    ACK,
    LEDS_UNKNOWN,
    MAX_ATTEMPTS,
    MAX_RESENDS,
    NOTHING,
    REPLY_TIMEOUT_MS,
    RESEND,
    LedUpdater,
    is_answer,
    led_bits,
)
from kernel.drivers.scancode import Decoder
from pythos.lang import InterruptFrame, addr_of, u8, u64

from .fake_hardware import FakeInterruptFlag, FakePorts
from .helpers import ring_buffer
from .test_keyboard import Fake8042
from .test_scancode import CAPS, NUM, SCROLL, A, tap

# -- the LED byte --------------------------------------------------------------


@pytest.mark.parametrize("modifiers, scroll, expected", [
    (0, False, 0b000),
    (sc.MOD_CAPS_LOCK, False, 0b100),
    (sc.MOD_NUM_LOCK, False, 0b010),
    (0, True, 0b001),
    (sc.MOD_CAPS_LOCK | sc.MOD_NUM_LOCK, True, 0b111),
    (sc.MOD_SHIFT | sc.MOD_CTRL | sc.MOD_ALT, False, 0b000),   # held keys have no LED
])
def test_led_bits(modifiers: int, scroll: bool, expected: int) -> None:
    assert led_bits(u8(modifiers), scroll) == expected


def test_answers_are_ack_and_resend_only() -> None:
    assert [b for b in range(256) if is_answer(u8(b))] == [0xFA, 0xFE]


# -- the exchange, step by step ------------------------------------------------


def test_one_exchange() -> None:
    leds = LedUpdater()
    assert leds.set(u8(0), u64(0)) == NOTHING          # already showing nothing
    assert leds.set(u8(4), u64(0)) == 0xED
    assert leds.awaiting_answer()
    assert leds.answer(ACK, u64(1)) == 4
    assert leds.answer(ACK, u64(2)) == NOTHING
    assert not leds.awaiting_answer() and leds.shown == 4


def test_a_change_during_an_exchange_follows_it() -> None:
    leds = LedUpdater()
    assert leds.set(u8(4), u64(0)) == 0xED
    assert leds.answer(ACK, u64(0)) == 4
    assert leds.set(u8(6), u64(0)) == NOTHING          # never two exchanges at once
    assert leds.answer(ACK, u64(0)) == 0xED
    assert leds.shown == 4
    assert leds.answer(ACK, u64(0)) == 6
    assert leds.answer(ACK, u64(0)) == NOTHING
    assert leds.shown == 6


def test_resend_repeats_the_byte_then_gives_up() -> None:
    leds = LedUpdater()
    leds.set(u8(4), u64(0))
    assert leds.answer(ACK, u64(0)) == 4
    for _ in range(int(MAX_RESENDS)):
        assert leds.answer(RESEND, u64(0)) == 4
    # One resend too many: the attempt is abandoned and the next one starts.
    assert leds.answer(RESEND, u64(0)) == 0xED
    assert leds.failures == 1 and leds.attempts == 2


def test_a_missing_answer_times_out_and_attempts_are_bounded() -> None:
    leds = LedUpdater()
    now = 0
    assert leds.set(u8(4), u64(now)) == 0xED
    for attempt in range(1, int(MAX_ATTEMPTS)):
        assert leds.poll(u64(now + int(REPLY_TIMEOUT_MS) - 1)) == NOTHING
        now += int(REPLY_TIMEOUT_MS)
        assert leds.poll(u64(now)) == 0xED, attempt
    now += int(REPLY_TIMEOUT_MS)
    assert leds.poll(u64(now)) == NOTHING              # given up for these bits
    assert not leds.awaiting_answer() and leds.shown == LEDS_UNKNOWN
    assert leds.set(u8(4), u64(now)) == NOTHING        # the same bits: still given up
    assert leds.set(u8(6), u64(now)) == 0xED   # new bits: try again


# -- the exchange against a model keyboard, with faults ------------------------


class ModelKeyboard:
    """A keyboard as QEMU models one: 0xED takes the next byte, whatever it is,
    as the LED bits; any other command is unknown and answered with 0xFE."""

    def __init__(self) -> None:
        self.leds = 0
        self.awaiting_bits = False
        self.received: list[int] = []

    def receive(self, byte: int) -> int:
        self.received.append(byte)
        if self.awaiting_bits:
            self.awaiting_bits = False
            self.leds = byte & 7
            return 0xFA
        if byte == 0xED:
            self.awaiting_bits = True
            return 0xFA
        return 0xFE


FAULTS = ["ok", "ok", "ok", "resend", "lost answer", "lost byte"]


class Link:
    """An updater, a model keyboard and the wire between them, under a fault plan."""

    def __init__(self, plan: list[str]) -> None:
        self.leds = LedUpdater()
        self.keyboard = ModelKeyboard()
        self.plan = plan
        self.in_flight: deque[int] = deque()
        self.now = 0

    def send(self, byte: int) -> None:
        if byte == NOTHING:
            return
        fault = self.plan.pop(0) if self.plan else "ok"
        if fault == "lost byte":
            return
        if fault == "resend":                           # garbled on the wire
            self.in_flight.append(0xFE)
            return
        answer = self.keyboard.receive(byte)
        if fault != "lost answer":
            self.in_flight.append(answer)

    def set(self, bits: int) -> None:
        if self.leds.is_settled(u8(bits)):
            # The driver then skips the call (and the clock): it must be a no-op.
            state = (self.leds.step, self.leds.wanted, self.leds.shown, self.leds.attempts)
            assert self.leds.set(u8(bits), u64(2**63)) == NOTHING
            assert state == (self.leds.step, self.leds.wanted, self.leds.shown,
                             self.leds.attempts)
            return
        self.send(self.leds.set(u8(bits), u64(self.now)))

    def deliver(self) -> None:
        """One answer arrives; a late one (nothing awaited) goes to the decoder."""
        self.now += 1
        byte = self.in_flight.popleft()
        if self.leds.awaiting_answer():
            self.send(self.leds.answer(u8(byte), u64(self.now)))

    def wait(self) -> None:
        self.now += int(REPLY_TIMEOUT_MS)
        self.send(self.leds.poll(u64(self.now)))

    def settle(self) -> None:
        for _ in range(1000):
            if self.in_flight:
                self.deliver()
            elif self.leds.awaiting_answer():
                self.wait()
            else:
                return
        raise AssertionError("the exchange never ended")


actions = st.lists(st.one_of(st.tuples(st.just("set"), st.integers(0, 7)),
                             st.tuples(st.sampled_from(["deliver", "wait"]), st.just(0))),
                   max_size=40)


@given(st.lists(st.sampled_from(FAULTS), max_size=30), actions, st.integers(0, 7))
@settings(max_examples=300)
def test_leds_follow_the_locks_once_faults_stop(plan: list[str],
                                                 steps: list[tuple[str, int]],
                                                 final: int) -> None:
    link = Link(plan)
    for action, bits in steps:
        if action == "set":
            link.set(bits)
        elif action == "deliver" and link.in_flight:
            link.deliver()
        elif action == "wait":
            link.wait()
    link.settle()
    link.plan.clear()
    # After faults, the updater may have given up on the current bits; the
    # next change of the locks must get through.
    link.set(final ^ 1)
    link.settle()
    link.set(final)
    link.settle()
    assert link.keyboard.leds == final
    assert link.leds.shown == final and not link.leds.awaiting_answer()


@given(st.lists(st.integers(0, 7), max_size=20))
def test_without_faults_every_change_is_two_bytes(changes: list[int]) -> None:
    link = Link([])
    shown = 0
    for bits in changes:
        link.keyboard.received.clear()
        link.set(bits)
        link.settle()
        assert link.keyboard.received == ([] if bits == shown else [0xED, bits])
        assert link.keyboard.leds == bits
        shown = bits
    assert link.leds.failures == 0


# -- the driver: answers through IRQ 1 -----------------------------------------


class LedKeyboard(Fake8042):
    """Fake8042 whose keyboard also answers 0xED, can ask for resends and can be mute."""

    def __init__(self) -> None:
        super().__init__()
        self.mute = False
        self.resends_to_ask = 0

    def write_data(self, port: int, value: int) -> None:
        if self.awaiting_config or self.awaiting_output or value == 0xF4:
            super().write_data(port, value)
            return
        if self.mute:
            return
        if self.resends_to_ask:
            self.resends_to_ask -= 1
            self.output.append(0xFE)
            return
        super().write_data(port, value)


@pytest.fixture
def driver(ports: FakePorts, interrupt_flag: FakeInterruptFlag,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[LedKeyboard]:
    monkeypatch.setattr(keyboard, "buffer", ring_buffer())
    monkeypatch.setattr(keyboard, "decoder", Decoder())
    monkeypatch.setattr(keyboard, "leds", LedUpdater())
    monkeypatch.setattr(keyboard, "present", False)
    controller = LedKeyboard()
    controller.leds = 0b010                  # the BIOS left Num Lock lit
    controller.attach(ports)
    assert keyboard.init()
    yield controller


def deliver(controller: Fake8042) -> None:
    """Raise IRQ 1 for each byte the controller holds."""
    frame = InterruptFrame()
    while controller.output:
        keyboard.on_irq1(addr_of(frame))


def pump(controller: Fake8042) -> str:
    """Deliver and read until nothing is left; the characters typed."""
    typed = ""
    for _ in range(1000):
        deliver(controller)
        c = keyboard.read_char()
        if c >= 0:
            typed += chr(c)
        elif not controller.output:
            return typed
    raise AssertionError("the keyboard never went quiet")


def led_writes(ports: FakePorts) -> list[int]:
    """Bytes written to the keyboard after init's."""
    return [v for _, v in ports.writes_to(0x60)]


def test_init_turns_the_leds_off_by_polling(driver: LedKeyboard, ports: FakePorts) -> None:
    assert driver.leds == 0
    assert keyboard.leds.shown == 0 and not keyboard.leds.awaiting_answer()
    data = led_writes(ports)
    assert data[data.index(0xED):data.index(0xED) + 2] == [0xED, 0x00]


def test_lock_keys_light_their_leds(driver: LedKeyboard, ports: FakePorts) -> None:
    before = len(ports.writes_to(0x60))
    driver.output.extend(tap(CAPS) + tap(A))
    assert pump(driver) == "A"
    assert driver.leds == 0b100
    assert led_writes(ports)[before:] == [0xED, 0b100]
    driver.output.extend(tap(NUM) + tap(SCROLL))
    assert pump(driver) == ""
    assert driver.leds == 0b111
    driver.output.extend(tap(CAPS) + tap(A))
    assert pump(driver) == "a"
    assert driver.leds == 0b011


def test_answers_among_keys_never_type(driver: LedKeyboard) -> None:
    driver.output.extend(tap(CAPS))
    deliver(driver)
    assert keyboard.next_event().key == sc.KEY_CAPS_LOCK        # 0xED goes out
    assert list(driver.output) == [0xFA]
    # Keys typed before, between and after the answers.
    driver.output.appendleft(0x1E)                                # 'a' down
    driver.output.append(0x9E)                                    # 'a' up
    assert pump(driver) == "A"
    assert driver.leds == 0b100 and keyboard.leds.shown == 0b100


def test_resend_is_honoured(driver: LedKeyboard, ports: FakePorts) -> None:
    before = len(ports.writes_to(0x60))
    driver.resends_to_ask = 2
    driver.output.extend(tap(CAPS))
    assert pump(driver) == ""
    assert driver.leds == 0b100
    assert led_writes(ports)[before:] == [0xED, 0xED, 0xED, 0b100]


def test_a_mute_keyboard_costs_three_attempts(driver: LedKeyboard, ports: FakePorts,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1000]
    monkeypatch.setattr(clock, "uptime_ms", lambda: u64(now[0]))
    before = len(ports.writes_to(0x60))
    driver.mute = True
    driver.output.extend(tap(CAPS))
    assert pump(driver) == ""
    for _ in range(10):
        now[0] += int(REPLY_TIMEOUT_MS)
        assert pump(driver) == ""
    assert led_writes(ports)[before:] == [0xED] * int(MAX_ATTEMPTS)
    # The keyboard comes back; the next lock change gets through.
    driver.mute = False
    driver.output.extend(tap(NUM) + tap(A))
    assert pump(driver) == "A"
    assert driver.leds == 0b110

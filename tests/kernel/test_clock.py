"""The tick counter, tick/millisecond conversion and sleeping, with a simulated
timer: each ``sti; hlt`` lets one timer interrupt in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kernel.clock as clock
from kernel.arch.x86_64 import idt
from pythos.lang import InterruptFrame, PanicError, addr_of, func_addr, u16, u64

from .fake_hardware import FakeInterruptFlag, FakePorts

DIVISOR_1KHZ = 1193


@pytest.fixture
def running_clock(ports: FakePorts, interrupt_flag: FakeInterruptFlag,
                  monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeInterruptFlag]:
    monkeypatch.setattr(clock, "divisor", u16(0))
    clock.tick_count[0] = u64(0)
    clock.init()
    frame = InterruptFrame()
    interrupt_flag.on_halt = lambda: clock.on_timer(addr_of(frame))
    interrupt_flag.enabled = True
    yield interrupt_flag


def test_init_programs_1khz_and_routes_irq0(running_clock: FakeInterruptFlag,
                                            ports: FakePorts) -> None:
    assert clock.divisor == DIVISOR_1KHZ
    assert (0x43, 0x34) in ports.writes
    assert idt.IDT[32].offset() == func_addr(clock.on_timer)
    assert ports.writes[-2:] == [(0x21, 0xFA), (0xA1, 0xFF)]     # IRQ 0 unmasked


def test_each_timer_interrupt_is_one_tick_and_an_eoi(running_clock: FakeInterruptFlag,
                                                     ports: FakePorts) -> None:
    frame = InterruptFrame()
    ports.writes.clear()
    for _ in range(5):
        clock.on_timer(addr_of(frame))
    assert clock.ticks() == 5
    assert ports.writes == [(0x20, 0x20)] * 5


def test_uptime_uses_the_real_pit_period(running_clock: FakeInterruptFlag) -> None:
    clock.tick_count[0] = u64(1_000_000)     # 1e6 ticks of 1193/1193182 s
    assert clock.uptime_ms() == 999_847


@given(st.integers(0, 2**32), st.integers(1, 0xFFFF))
def test_tick_and_ms_conversions_agree(ms: int, divisor: int) -> None:
    t = int(clock.ticks_for_ms(u64(ms), u16(divisor)))
    # t ticks last at least ms milliseconds, and t - 1 ticks do not.
    assert t * divisor * 1000 >= ms * 1193182
    assert t == 0 or (t - 1) * divisor * 1000 < ms * 1193182
    assert clock.ms_from_ticks(u64(t), u16(divisor)) >= ms


@pytest.mark.parametrize("ms", [1, 2, 10, 250])
def test_sleep_waits_at_least_the_time_asked(running_clock: FakeInterruptFlag,
                                             ms: int) -> None:
    start_ticks = clock.ticks()
    start_ms = clock.uptime_ms()
    clock.sleep_ms(u64(ms))
    # A sleep that starts just before a tick loses most of the first tick,
    # so the guarantee counts from the tick before the call.
    elapsed_ticks = int(clock.ticks() - start_ticks)
    assert (elapsed_ticks - 1) * DIVISOR_1KHZ * 1000 >= ms * 1193182
    assert clock.uptime_ms() - start_ms <= ms + 2
    assert running_clock.halts == elapsed_ticks
    assert running_clock.enabled


def test_sleep_zero_does_not_halt(running_clock: FakeInterruptFlag) -> None:
    clock.sleep_ms(u64(0))
    assert running_clock.halts == 0


def test_sleep_until_keeps_a_fixed_rate(running_clock: FakeInterruptFlag) -> None:
    deadline = clock.uptime_ms()
    for _ in range(100):
        deadline += 16
        clock.sleep_until_ms(deadline)
        assert deadline <= clock.uptime_ms() <= deadline + 1
    assert clock.uptime_ms() in (1600, 1601)


def test_sleep_restores_a_disabled_interrupt_flag(running_clock: FakeInterruptFlag) -> None:
    running_clock.enabled = False
    clock.sleep_ms(u64(3))
    assert not running_clock.enabled


def test_sleep_before_init_panics(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "divisor", u16(0))
    with pytest.raises(PanicError, match="before clock.init"):
        clock.sleep_ms(u64(1))

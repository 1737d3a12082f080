"""The clock on simulated hardware: a timeline that drives a time-stamp
counter and PIT channel 2 (for the calibration), and a timer whose every
``sti; hlt`` lets one tick in and moves the timeline on by a tick."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import kernel.arch.x86_64.cpu as cpu
import kernel.arch.x86_64.pic as pic
import kernel.arch.x86_64.tsc as tsc
import kernel.clock as clock
from kernel.arch.x86_64 import idt
from pythos.lang import InterruptFrame, PanicError, addr_of, func_addr, u16, u64

from .fake_hardware import FakeInterruptFlag, FakePorts

DIVISOR_1KHZ = 1193
PIT_HZ = 1193182
TSC_HZ = 2_596_096_000


class Timeline:
    """Simulated time in ns: the TSC and PIT channel 2 are read from it,
    and every access moves it on a little (``step_ns``), plus any delay a
    test injects with ``stalls`` (ns to add at the n-th TSC read)."""

    def __init__(self, ports: FakePorts, tsc_hz: int = TSC_HZ, step_ns: int = 700) -> None:
        self.now = 0
        self.tsc_hz = tsc_hz
        self.step_ns = step_ns
        self.stalls: dict[int, int] = {}
        self.tsc_reads = 0
        self.gate_on_at: int | None = None
        self.latched: list[int] = []
        self.channel2_counts = True
        ports.attach([0x61], read=lambda p: 0x20 | (self.gate_on_at is not None),
                     write=self.write_control)
        ports.attach([0x42], read=self.read_data)
        ports.attach([0x43], write=self.write_command)

    def tick(self, ns: int) -> None:
        self.now += ns

    def timestamp(self) -> u64:
        self.tsc_reads += 1
        self.now += self.step_ns + self.stalls.get(self.tsc_reads, 0)
        return u64(self.now * self.tsc_hz // 1_000_000_000)

    def write_control(self, port: int, value: int) -> None:
        self.now += self.step_ns
        if value & 1 and self.gate_on_at is None:
            self.gate_on_at = self.now
        elif not value & 1:
            self.gate_on_at = None

    def write_command(self, port: int, value: int) -> None:
        self.now += self.step_ns
        if value == 0x80 and self.gate_on_at is not None:        # latch channel 2
            steps = (self.now - self.gate_on_at) * PIT_HZ // 1_000_000_000
            if not self.channel2_counts:
                steps = 0
            count = (65536 - steps % 65536) % 65536
            self.latched = [count & 0xFF, count >> 8]

    def read_data(self, port: int) -> int:
        self.now += self.step_ns
        return self.latched.pop(0) if self.latched else 0xFF


@pytest.fixture
def timeline(ports: FakePorts, monkeypatch: pytest.MonkeyPatch) -> Timeline:
    line = Timeline(ports)
    monkeypatch.setattr(cpu, "timestamp", line.timestamp)
    monkeypatch.setattr(tsc, "has_invariant_tsc", lambda: True)
    monkeypatch.setattr(clock, "tsc_hz", u64(0))
    monkeypatch.setattr(clock, "tsc_at_init", u64(0))
    return line


@pytest.fixture
def running_clock(ports: FakePorts, interrupt_flag: FakeInterruptFlag, timeline: Timeline,
                  monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeInterruptFlag]:
    monkeypatch.setattr(clock, "divisor", u16(0))
    # The PICs as after pic.init: an earlier test may have unmasked a line.
    monkeypatch.setattr(pic, "masks", pic.INITIAL_MASKS)
    clock.tick_count[0] = u64(0)
    clock.init()
    frame = InterruptFrame()

    def timer_interrupt() -> None:
        timeline.tick(DIVISOR_1KHZ * 1_000_000_000 // PIT_HZ)
        clock.on_timer(addr_of(frame))

    interrupt_flag.on_halt = timer_interrupt
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


def test_ms_from_ticks_uses_the_real_pit_period() -> None:
    # 1e6 ticks of 1193/1193182 s: what the tick-counting fallback reports.
    assert clock.ms_from_ticks(u64(1_000_000), u16(DIVISOR_1KHZ)) == 999_847


def test_calibration_measures_the_tsc(timeline: Timeline, ports: FakePorts) -> None:
    hz = int(clock.measure_tsc_hz())
    assert abs(hz - TSC_HZ) <= TSC_HZ // 10_000           # 100 ppm
    assert 49_000_000 <= timeline.now <= 52_000_000       # about 50 ms
    # Channel 2 programmed (mode 2, count 65536), gate off again after, speaker never on.
    assert (0x43, 0xB4) in ports.writes
    assert all(not v & 2 for p, v in ports.writes if p == 0x61)
    assert ports.writes_to(0x61)[-1] == (0x61, 0x20)


@settings(deadline=None, max_examples=25)
@given(st.dictionaries(st.integers(1, 40), st.integers(0, 5_000_000), max_size=6),
       st.integers(1_000_000_000, 5_000_000_000))
def test_calibration_ignores_a_descheduled_moment(stalls: dict[int, int], hz: int) -> None:
    # A vCPU descheduled for up to 5 ms between two of the first or last
    # 8 samples' readings widens those brackets; the narrowest ones left
    # still give the frequency within 100 ppm.
    ports = FakePorts()
    line = Timeline(ports, tsc_hz=hz)
    line.stalls = stalls
    with pytest.MonkeyPatch.context() as mp:
        import kernel.arch.x86_64.port as port
        mp.setattr(port, "read8", ports.read8)
        mp.setattr(port, "write8", ports.write8)
        mp.setattr(cpu, "timestamp", line.timestamp)
        measured = int(clock.measure_tsc_hz())
    assert abs(measured - hz) <= hz // 10_000, (measured, hz)


def test_a_dead_channel_2_falls_back_to_ticks(timeline: Timeline) -> None:
    timeline.channel2_counts = False
    assert clock.measure_tsc_hz() == 0


def test_uptime_counts_tsc_cycles_not_ticks(running_clock: FakeInterruptFlag,
                                            timeline: Timeline) -> None:
    assert clock.tsc_hz != 0
    start = clock.uptime_ms()
    timeline.tick(60_000_000_000)      # a minute passes, and no tick arrives
    assert clock.ticks() == 0
    assert 59_990 <= clock.uptime_ms() - start <= 60_010


@given(st.integers(0, 2**64 - 1), st.integers(10**6, 10**10))
def test_cycle_and_ms_conversions_agree(ms: int, hz: int) -> None:
    cycles = int(clock.cycles_for_ms(u64(ms), u64(hz)))
    exact = -(-ms * hz // 1000)          # the fewest cycles lasting ms, or more
    assert cycles == min(exact, 2**64 - 1)
    if cycles == exact:
        assert clock.ms_from_cycles(u64(cycles), u64(hz)) >= ms
        assert exact == 0 or clock.ms_from_cycles(u64(cycles - 1), u64(hz)) < ms


@given(st.integers(0, 2**64 - 1), st.integers(1, 10**10))
def test_ms_from_cycles_is_exact(cycles: int, hz: int) -> None:
    assume(cycles * 1000 // hz < 2**64)     # the milliseconds fit a u64
    assert clock.ms_from_cycles(u64(cycles), u64(hz)) == cycles * 1000 // hz


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
    # The sleep ends at the first tick after the deadline.
    elapsed_ticks = int(clock.ticks() - start_ticks)
    assert ms <= clock.uptime_ms() - start_ms <= ms + 1
    assert ms <= elapsed_ticks <= ms + 1
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


def test_sleep_falls_back_to_ticks_without_a_tsc_frequency(
        running_clock: FakeInterruptFlag, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "tsc_hz", u64(0))
    start_ticks = clock.ticks()
    clock.sleep_ms(u64(10))
    assert clock.ticks() - start_ticks == 12    # ceil(10 ms / 0.99985 ms) + 1


def test_sleep_before_init_panics(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "divisor", u16(0))
    with pytest.raises(PanicError, match="before clock.init"):
        clock.sleep_ms(u64(1))

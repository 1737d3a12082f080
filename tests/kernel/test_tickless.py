"""Host tests of the tickless idle (kernel/tickless.py): the one-shot's
count, and the executor's idle step stopping the tick for the right
deadline, with interrupts off, only when nothing needs a tick, and
starting it again before anything else runs.

The PIT and the PIC are ``FakePorts``; the CPU, the clock and the task
table are those of test_task_share.py.  The TSC is the fake clock's
milliseconds times ``HZ`` / 1000.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kernel.arch.x86_64.cpu as cpu
import kernel.arch.x86_64.irqflags as irqflags
import kernel.arch.x86_64.pic as pic
import kernel.clock as clock
import kernel.drivers.keyboard as keyboard
import kernel.drivers.pit as pit
import kernel.proc.preempt as preempt
import kernel.proc.scheduler as scheduler
import kernel.tickless as tickless
from kernel.proc import tasks
from kernel.task import executor, share
from kernel.task.timers import NEVER, TIMERS
from pythos.lang import InterruptFrame, addr_of, u8, u16, u64

from .fake_hardware import FakePorts
from .helpers import ring_buffer
from .test_task_share import Kernel

HZ = 1_000_000_000                       # a 1 GHz TSC: a cycle is a nanosecond
PERIODIC = [(0x43, 0x34), (0x40, 1193 & 0xFF), (0x40, 1193 >> 8)]


def one_shot(count: int) -> list[tuple[int, int]]:
    return [(0x43, 0x30), (0x40, count & 0xFF), (0x40, count >> 8)]


def pit_count_for_ms(ms: int) -> int:
    """The one-shot count for ``ms`` ahead: rounded up, capped."""
    return min(-(-ms * 1_000_000 * 1193182 // HZ), 0xFFFF)


class Tickless(Kernel):
    """test_task_share's kernel with tickless idle on, and a record of
    what the PIT and the PIC were told, and of the state at each halt."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, ports: FakePorts) -> None:
        super().__init__(monkeypatch)
        self.ports = ports
        monkeypatch.setattr(clock, "tsc_hz", u64(HZ))
        monkeypatch.setattr(clock, "tsc_at_init", u64(0))
        monkeypatch.setattr(cpu, "timestamp", lambda: u64(self.clock.ms * (HZ // 1000)))
        monkeypatch.setattr(tickless, "enabled", True)
        for counter in ("stops", "timer_ends", "stopped_cycles", "stopped_at"):
            monkeypatch.setattr(tickless, counter, u64(0))
        monkeypatch.setattr(pic, "masks", u16(0xFFFA))
        self.at_halt: list[tuple[bool, bool, list[tuple[int, int]]]] = []
        real_halt = self.cpu.enable_and_halt

        def halt() -> None:
            assert not self.cpu.enabled, "stopped and halted in one step"
            self.at_halt.append((tickless.stopped, pic.is_masked(clock.TIMER_IRQ),
                                 list(ports.writes_to(0x40, 0x43))))
            ports.writes.clear()
            real_halt()

        monkeypatch.setattr(irqflags, "enable_and_halt", halt)


@pytest.fixture
def machine(monkeypatch: pytest.MonkeyPatch, ports: FakePorts) -> Iterator[Tickless]:
    yield Tickless(monkeypatch, ports)
    executor.the_executor.clear()
    scheduler.init()
    scheduler.kernel_wake_at = NEVER
    scheduler.next_wake = NEVER
    tickless.stopped = False
    tickless.masked = False


def test_start_one_shot_programs_mode_0(ports: FakePorts) -> None:
    pit.start_one_shot(u16(47728))
    assert ports.writes == one_shot(47728)


@given(st.integers(0, 2**40), st.integers(0, 2**40), st.integers(1_000_000, 10**10))
def test_the_one_shot_ends_at_the_deadline_not_before(now: int, due: int, hz: int) -> None:
    count = int(tickless.one_shot_count(u64(now), u64(due), u64(hz)))
    assert 1 <= count <= 0xFFFF
    need = (due - now) * 1193182          # PIT clocks times hz
    if due <= now:
        assert count == 1
    elif count < 0xFFFF:
        assert count * hz >= need > (count - 1) * hz, "the fewest clocks that reach it"
    else:
        assert need > (0xFFFF - 1) * hz, "capped only when it is that far"


def test_the_idle_executor_stops_the_tick_until_its_next_timer(machine: Tickless,
                                                               ports: FakePorts) -> None:
    TIMERS.push(u64(40), u64(3))
    assert share.idle(machine.clock.now)
    assert machine.at_halt == [(True, False, one_shot(pit_count_for_ms(40)))]
    # Back from the halt: ticking at 1 kHz again before anything else runs.
    assert not tickless.stopped and ports.writes_to(0x40, 0x43) == PERIODIC
    assert tickless.stops == 1 and tickless.stopped_ms() >= 40


def test_a_sleeping_process_due_first_sets_the_deadline(machine: Tickless) -> None:
    TIMERS.push(u64(40), u64(3))
    scheduler.next_wake = u64(25)
    assert share.idle(machine.clock.now)
    assert machine.at_halt[0][2] == one_shot(pit_count_for_ms(25))


def test_a_far_deadline_is_capped_and_nothing_means_masked(machine: Tickless,
                                                           ports: FakePorts) -> None:
    TIMERS.push(u64(500), u64(3))
    assert share.idle(machine.clock.now)
    assert machine.at_halt[-1] == (True, False, one_shot(0xFFFF))
    # No deadline at all: the one-shot only silences the tick, behind a mask.
    ports.writes.clear()
    irqflags.disable()
    tickless.stop_until(NEVER)
    assert tickless.stopped and pic.is_masked(clock.TIMER_IRQ)
    assert ports.writes_to(0x40, 0x43) == one_shot(0xFFFF)
    tickless.restart()
    assert not tickless.stopped and not pic.is_masked(clock.TIMER_IRQ)
    assert ports.writes_to(0x40, 0x43)[-3:] == PERIODIC
    irqflags.enable()


def test_input_for_a_process_keeps_the_tick(machine: Tickless,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyboard, "buffer", ring_buffer(16))
    TIMERS.push(u64(40), u64(3))
    keyboard.buffer.push(u8(0x1E))        # a process's read(0) is woken by the tick
    assert share.idle(machine.clock.now)
    assert machine.at_halt == [(False, False, [])]


def test_ready_processes_keep_the_tick(machine: Tickless) -> None:
    machine.add_process()
    TIMERS.push(u64(40), u64(3))
    machine.during_switch = machine.run_processes
    assert share.idle(machine.clock.now)
    assert machine.at_halt == [] and not tickless.stopped and tickless.stops == 0


def test_tickless_off_keeps_the_tick(machine: Tickless, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tickless, "enabled", False)
    TIMERS.push(u64(40), u64(3))
    assert share.idle(machine.clock.now)
    assert machine.at_halt == [(False, False, [])]
    tickless.init(True)
    monkeypatch.setattr(clock, "tsc_hz", u64(0))
    tickless.init(True)
    assert not tickless.enabled, "a clock that counts ticks needs them"


def test_the_one_shot_restarts_the_tick_before_a_woken_process_runs(
        machine: Tickless, monkeypatch: pytest.MonkeyPatch, ports: FakePorts) -> None:
    sleeper = scheduler.table.allocate(u64(0))       # a process asleep until 25 ms
    assert scheduler.table.tasks[sleeper].state == tasks.BLOCKED
    scheduler.table.tasks[sleeper].reason = tasks.SLEEPING
    scheduler.table.tasks[sleeper].wake_at = u64(25)
    scheduler.next_wake = u64(25)
    TIMERS.push(u64(40), u64(3))
    seen: list[bool] = []

    def woken_process_runs() -> None:
        seen.append(tickless.stopped)
        machine.run_processes()

    machine.during_switch = woken_process_runs

    def one_shot_interrupt() -> None:
        machine.clock.ms = 25
        frame = InterruptFrame()           # from the kernel (CS 0): the halted kernel task
        preempt.on_timer(addr_of(frame))

    machine.cpu.pending.append(one_shot_interrupt)
    assert share.idle(machine.clock.now)
    assert seen == [False], "the process ran with the tick running"
    assert tickless.timer_ends == 1

"""Host tests of how the executor and the process scheduler share the CPU
(kernel/task/share.py, ``scheduler.tick``): the kernel executor's idle
step halts only with nothing to do, steps aside for READY processes with
its next deadline left for the tick, reaps before anything else, and a
blocked kernel task is woken by the tick for its tasks' wakes and timers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

import kernel.arch.x86_64.irqflags as irqflags
import kernel.clock as clock
import kernel.proc.process as process
import kernel.proc.scheduler as scheduler
from kernel.proc import tasks
from kernel.proc.tasks import KERNEL_TASK
from kernel.task import executor, share, waker
from kernel.task.futures import sleep_ms
from kernel.task.timers import NEVER, TIMERS
from pythos.lang import u64

from .executor_fakes import FakeClock, FakeCpu, install_cpu


class Kernel:
    """The kernel task's view: a fake CPU and clock, the real task table,
    and a context switch that lets ``during_switch`` stand for the time
    the processes run (timer ticks included) before the kernel task is
    chosen again."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.clock = FakeClock()
        self.cpu = FakeCpu(self.clock)
        install_cpu(monkeypatch, self.cpu)
        monkeypatch.setattr(clock, "uptime_ms", self.clock.now)
        scheduler.init()
        self.switches: list[tuple[int, bool]] = []
        self.during_switch: Callable[[], object] = lambda: None
        monkeypatch.setattr(scheduler, "switch_to_next", self.switch)
        self.executor = share.start(self.clock.now)
        self.halted_with: list[bool] = []

    def switch(self) -> None:
        kernel = scheduler.table.tasks[KERNEL_TASK]
        if scheduler.table.current != KERNEL_TASK:
            scheduler.table.next_to_run()          # a tick ended a process's slice
            return
        self.switches.append((int(scheduler.kernel_wake_at), self.cpu.enabled))
        assert kernel.state == tasks.BLOCKED and kernel.reason == tasks.IDLE
        scheduler.table.next_to_run()
        self.during_switch()

    def run_processes(self) -> int:
        """Let the processes run a millisecond at a time, ticking, until the
        scheduler gives the CPU back to the kernel task; the ticks."""
        ticks = 0
        while scheduler.table.current != KERNEL_TASK:
            assert ticks < 10_000, "nothing woke the kernel task"
            self.clock.ms += 1
            scheduler.tick(True)
            ticks += 1
        return ticks

    def add_process(self) -> int:
        slot = scheduler.table.allocate(u64(0))
        scheduler.table.make_ready(slot)
        return int(slot)


@pytest.fixture
def kernel(monkeypatch: pytest.MonkeyPatch) -> Iterator[Kernel]:
    yield Kernel(monkeypatch)
    executor.the_executor.clear()
    scheduler.init()
    scheduler.kernel_wake_at = NEVER


def test_with_nothing_to_do_it_halts_and_says_so_to_the_tick(
        kernel: Kernel, monkeypatch: pytest.MonkeyPatch) -> None:
    TIMERS.push(u64(40), u64(3))
    seen: list[bool] = []
    real_halt = kernel.cpu.enable_and_halt

    def halt() -> None:
        seen.append(scheduler.kernel_halted)
        assert not kernel.cpu.enabled, "the check and the halt are one step"
        real_halt()

    monkeypatch.setattr(irqflags, "enable_and_halt", halt)
    assert share.idle(kernel.clock.now)
    assert seen == [True] and not scheduler.kernel_halted
    assert kernel.cpu.enabled and kernel.clock.ms == 40
    assert scheduler.kernel_wake_at == NEVER


def test_a_wake_or_a_due_timer_is_work_not_idleness(kernel: Kernel) -> None:
    waker.wake(u64(5))
    assert not share.idle(kernel.clock.now)
    assert kernel.cpu.halts == 0
    assert waker.take() == 5
    TIMERS.push(u64(0), u64(4))
    assert not share.idle(kernel.clock.now)
    assert kernel.cpu.halts == 0 and kernel.switches == []


def test_ended_processes_are_reaped_first(kernel: Kernel, monkeypatch: pytest.MonkeyPatch) -> None:
    reaps = iter([True, False])
    monkeypatch.setattr(process, "reap_kernel_children", lambda: next(reaps))
    kernel.add_process()
    assert not share.idle(kernel.clock.now), "a reap is done work: look for tasks again"
    assert kernel.switches == []
    waker.wake(u64(1))
    assert not share.idle(kernel.clock.now)


def test_ready_processes_run_until_a_task_is_woken(kernel: Kernel) -> None:
    kernel.add_process()
    TIMERS.push(u64(500), u64(7))

    def processes_run() -> None:
        scheduler.tick(True)
        assert scheduler.table.tasks[KERNEL_TASK].state == tasks.BLOCKED, "no work yet"
        waker.WAKES.wake_in_interrupt(u64(2))      # a key's IRQ wakes the shell
        assert kernel.run_processes() <= scheduler.SLICE_TICKS

    kernel.during_switch = processes_run
    assert share.idle(kernel.clock.now)
    assert kernel.switches == [(500, False)], "blocked with interrupts off, deadline left"
    assert scheduler.kernel_wake_at == NEVER and kernel.cpu.enabled


def test_the_tick_wakes_the_kernel_task_for_its_next_timer(kernel: Kernel) -> None:
    kernel.add_process()
    fired: list[int] = []

    async def frames() -> None:
        await sleep_ms(u64(30))
        fired.append(kernel.clock.ms)

    kernel.during_switch = kernel.run_processes
    task = executor.spawn(frames(), "frames")
    kernel.executor.run(until=task)
    assert 30 <= fired[0] <= 30 + scheduler.SLICE_TICKS, "on time, give or take a slice"
    assert kernel.executor.halts == 1
    assert [wake_at for wake_at, _ in kernel.switches] == [30]

"""The executor under CPython: real ``async def`` coroutines driven by
``send(None)``, on a fake clock and a fake CPU (tests/kernel/executor_fakes.py).

Ordering and fairness, join, cancellation running ``finally``, a failing
task ending alone, wake coalescing, timers, and the idle loop's
check-then-halt against an interrupt arriving in between.
"""

from __future__ import annotations

import pytest

from kernel.task import executor, waker
from kernel.task.executor import TaskCancelled
from kernel.task.futures import sleep_ms, suspend, with_timeout, yield_now
from kernel.task.timers import TIMERS
from kernel.task.wakeset import MAX_TASKS, NO_SLOT
from pythos.lang import u32, u64

from .executor_fakes import HaltedForever, Machine


def test_ready_tasks_run_round_robin(machine: Machine) -> None:
    order: list[str] = []

    async def worker(name: str, rounds: int) -> None:
        for i in range(rounds):
            order.append(f"{name}{i}")
            await yield_now()

    for name, rounds in [("a", 3), ("b", 2), ("c", 3)]:
        executor.spawn(worker(name, rounds), name)
    machine.executor.run_until_idle()
    assert order == ["a0", "b0", "c0", "a1", "b1", "c1", "a2", "c2"]
    assert machine.executor.live_tasks() == []


def test_a_task_spawned_by_a_task_runs_after_the_ones_already_woken(machine: Machine) -> None:
    order: list[str] = []

    async def child() -> None:
        order.append("child")

    async def parent() -> None:
        order.append("parent")
        executor.spawn(child(), "child")
        await yield_now()
        order.append("parent again")

    async def other() -> None:
        order.append("other")

    executor.spawn(parent(), "parent")
    executor.spawn(other(), "other")
    machine.executor.run_until_idle()
    assert order == ["parent", "other", "child", "parent again"]


def test_join_waits_for_the_end_and_rethrows_a_failure(machine: Machine) -> None:
    seen: list[str] = []

    async def slow(fail: bool) -> None:
        await sleep_ms(u64(30))
        if fail:
            raise ValueError("bad port 0x3f8")
        seen.append("slow done")

    async def joiner() -> None:
        good = executor.spawn(slow(False), "good")
        bad = executor.spawn(slow(True), "bad")
        await good
        seen.append(f"joined good at {machine.clock.ms}")
        try:
            await bad
        except ValueError as e:
            seen.append(f"rethrown: {e}")
        await good                       # joining a finished task returns at once
        seen.append("joined again")

    main = executor.spawn(joiner(), "joiner")
    machine.executor.run(until=main)
    assert seen == ["slow done", "joined good at 30", "rethrown: bad port 0x3f8", "joined again"]
    assert main.state_name() == "done"


def test_cancel_closes_the_coroutine_and_its_finally_blocks_run(machine: Machine) -> None:
    log: list[str] = []

    async def sleeper() -> None:
        try:
            log.append("sleeping")
            await sleep_ms(u64(1000))
            log.append("woke")              # never: cancelled first
        finally:
            log.append("finally ran")

    async def canceller() -> None:
        victim = executor.spawn(sleeper(), "victim")
        await sleep_ms(u64(5))
        assert victim.state_name() == "sleeping"
        assert victim.cancel()
        assert not victim.cancel(), "cancelling twice does nothing"
        log.append(victim.state_name())
        try:
            await victim
        except TaskCancelled as e:
            log.append(f"join raised TaskCancelled({e})")

    main = executor.spawn(canceller(), "canceller")
    machine.executor.run(until=main)
    assert log == ["sleeping", "finally ran", "cancelled", "join raised TaskCancelled(victim)"]
    # The victim's timer entry is left behind; when it comes due it wakes a
    # free slot, which the executor counts and ignores.
    assert TIMERS.count == 1
    machine.clock.ms = 1000
    machine.executor.run_until_idle()
    assert machine.executor.stale_wakes == 1


def test_a_task_that_cancels_itself_ends_after_its_poll(machine: Machine) -> None:
    log: list[str] = []

    async def quitter() -> None:
        try:
            executor.current_task().cancel()
            log.append("still running this poll")
            await yield_now()
            log.append("never")
        finally:
            log.append("finally")

    task = executor.spawn(quitter(), "quitter")
    machine.executor.run_until_idle()
    assert log == ["still running this poll", "finally"]
    assert task.state_name() == "cancelled"


def test_an_exception_ends_only_its_task_and_prints_its_traceback(
        machine: Machine, capsys: pytest.CaptureFixture[str]) -> None:
    ticks: list[int] = []

    def parse(text: str) -> int:
        return int(text)

    async def faulty() -> None:
        await yield_now()
        parse("not a number")

    async def steady() -> None:
        for i in range(4):
            ticks.append(i)
            await yield_now()

    bad = executor.spawn(faulty(), "faulty")
    good = executor.spawn(steady(), "steady")
    machine.executor.run_until_idle()
    assert ticks == [0, 1, 2, 3]
    assert bad.state_name() == "failed" and good.state_name() == "done"
    assert isinstance(bad.error, ValueError)
    assert machine.executor.failures == 1
    out = capsys.readouterr()
    text = out.out + out.err
    assert "task faulty failed:" in text
    assert "Traceback (most recent call last):" in text
    assert 'in parse' in text and "ValueError: invalid literal for int()" in text


def test_cancel_whose_finally_raises_is_reported_as_a_failure(
        machine: Machine, capsys: pytest.CaptureFixture[str]) -> None:
    async def stubborn() -> None:
        try:
            await sleep_ms(u64(100))
        finally:
            raise RuntimeError("cleanup failed")

    task = executor.spawn(stubborn(), "stubborn")
    machine.executor.run_until_idle()
    assert task.cancel()
    assert task.state_name() == "failed" and isinstance(task.error, RuntimeError)
    out = capsys.readouterr()
    assert "task stubborn failed:" in out.out and "RuntimeError: cleanup failed" in out.out


def test_a_flood_of_wakes_for_one_task_is_one_poll(machine: Machine) -> None:
    polls: list[int] = []

    async def waiter() -> None:
        while True:
            polls.append(machine.clock.ms)
            await suspend()

    task = executor.spawn(waiter(), "waiter")
    machine.executor.run_until_idle()
    assert polls == [0] and task.polls == 1
    for _ in range(500):
        machine.cpu.raise_irq(lambda: waker.WAKES.wake_in_interrupt(u64(task.slot)))
    machine.executor.run_until_idle()
    assert task.polls == 2, "500 wakes, one poll"
    assert task.wakes() == 501 and waker.WAKES.coalesced == 499
    task.cancel()


def test_every_slot_in_use_refuses_a_spawn_without_a_panic(machine: Machine) -> None:
    async def idle() -> None:
        await sleep_ms(u64(10))

    tasks = [executor.spawn(idle(), f"t{i}") for i in range(MAX_TASKS)]
    extra = idle()
    with pytest.raises(RuntimeError, match="all 1024 task slots are in use"):
        executor.spawn(extra, "one too many")
    machine.executor.run_until_idle()
    machine.clock.ms = 10
    machine.executor.run_until_idle()
    assert all(task.state_name() == "done" for task in tasks)
    again = executor.spawn(idle(), "fits again")
    machine.clock.ms = 20
    machine.executor.run(until=again)


def test_with_timeout_reports_whether_the_future_finished_in_time(machine: Machine) -> None:
    results: list[tuple[bool, int]] = []

    async def nap(ms: int) -> None:
        await sleep_ms(u64(ms))

    async def timed() -> None:
        done = await with_timeout(u64(50), nap(20))
        results.append((done, machine.clock.ms))
        done = await with_timeout(u64(50), nap(200))
        results.append((done, machine.clock.ms))

    main = executor.spawn(timed(), "timed")
    machine.executor.run(until=main)
    assert results == [(True, 20), (False, 70)]


def test_idle_halts_only_when_nothing_is_woken_or_due(machine: Machine) -> None:
    with pytest.raises(HaltedForever):
        machine.executor.idle()        # nothing queued, no timer: a halt for ever
    machine.cpu.enabled = True
    halts = machine.cpu.halts
    waker.wake(u64(3))
    machine.executor.idle()
    assert machine.cpu.halts == halts, "a queued wake: no halt"
    assert waker.take() == 3
    TIMERS.push(u64(0), u64(4))
    machine.executor.idle()
    assert machine.cpu.halts == halts, "a timer already due: no halt"
    assert machine.cpu.enabled, "idle leaves interrupts enabled"


def test_sleep_with_a_full_timer_heap_still_ends_on_time(machine: Machine) -> None:
    while TIMERS.push(u64(10_000), u64(MAX_TASKS - 1)):
        pass
    woke: list[int] = []

    async def sleeper() -> None:
        await sleep_ms(u64(7))
        woke.append(machine.clock.ms)

    def advance() -> None:
        machine.clock.ms += 1

    machine.clock.on_read = advance   # time passes while the task polls itself
    task = executor.spawn(sleeper(), "sleeper")
    machine.executor.run(until=task)
    assert woke and 7 <= woke[0] <= 9 and task.state_name() == "done"
    assert TIMERS.refused > 0


def test_a_task_awaiting_itself_fails_instead_of_hanging(machine: Machine) -> None:
    async def selfish() -> None:
        await executor.current_task()

    task = executor.spawn(selfish(), "selfish")
    machine.executor.run_until_idle()
    assert task.state_name() == "failed" and isinstance(task.error, RuntimeError)


def test_a_new_executor_forgets_old_wakes_and_registrations(machine: Machine) -> None:
    waker.wake(u64(12))
    waker.KEYBOARD.register(u32(12))
    fresh = executor.init(machine.clock.now)
    assert waker.take() == NO_SLOT and waker.KEYBOARD.registered() == NO_SLOT
    assert fresh.live_tasks() == []


def test_a_task_cannot_replace_the_executor_it_runs_on(machine: Machine) -> None:
    errors: list[str] = []

    async def nested() -> None:
        try:
            executor.init(machine.clock.now)
        except RuntimeError as e:
            errors.append(str(e))
        await yield_now()

    task = executor.spawn(nested(), "nested")
    machine.executor.run(until=task)
    assert errors == ["an executor is running this task: cannot start another inside it"]
    assert task.state_name() == "done" and executor.running() is machine.executor

"""``ps`` and ``kill`` against a running executor, output captured."""

from __future__ import annotations

import kernel.shell.commands.all  # noqa: F401 - registers ps and kill with the rest
from kernel.shell import registry
from kernel.shell.output import Capture
from kernel.task import executor, waker
from kernel.task.futures import sleep_ms, suspend
from pythos.lang import u64

from .executor_fakes import Machine


def run(line: str) -> tuple[int, str]:
    out = Capture()
    status = registry.run(out, line)
    return status, out.text()


def test_ps_lists_states_wakes_and_polls(machine: Machine) -> None:
    async def sleeper() -> None:
        while True:
            await sleep_ms(u64(100))

    async def waiter() -> None:
        while True:
            await suspend()

    async def shell() -> None:
        status, text = run("ps")
        shown.append(text)

    shown: list[str] = []
    executor.spawn(sleeper(), "clock")
    keys = executor.spawn(waiter(), "keys")
    machine.executor.run_until_idle()
    for _ in range(5):
        waker.wake(u64(keys.slot))
    machine.executor.run_until_idle()
    waker.wake(u64(keys.slot))          # woken, not yet polled: ready
    executor.spawn(shell(), "shell")
    machine.executor.poll_one()         # keys
    waker.wake(u64(keys.slot))
    machine.executor.poll_one()         # shell runs ps
    assert shown[0].splitlines() == [
        "   ID STATE        WAKES   POLLS NAME",
        "    1 sleeping         1       1 clock",
        "    2 ready            8       3 keys",
        "    3 running          1       1 shell",
        "3 tasks; 5 polls, 4 wakes coalesced, 0 idle halts, 1 timers, 0 failed",
    ]


def test_kill_cancels_by_id_or_name_and_explains_a_bad_one(machine: Machine) -> None:
    cleaned: list[str] = []

    async def worker(name: str) -> None:
        try:
            await sleep_ms(u64(1000))
        finally:
            cleaned.append(name)

    first = executor.spawn(worker("a"), "worker")
    executor.spawn(worker("b"), "worker")
    executor.spawn(worker("c"), "other")
    machine.executor.run_until_idle()
    assert run("kill worker") == (registry.FAILED, "kill: 2 tasks are called worker; give an ID\n")
    assert run("kill 99") == (registry.USAGE, "kill: no task 99; ps lists them\nusage: kill TASK\n")
    assert run(f"kill {first.ident}") == (registry.OK, "kill: cancelled 1 worker\n")
    assert run("kill other") == (registry.OK, "kill: cancelled 3 other\n")
    assert cleaned == ["a", "c"] and first.state_name() == "cancelled"
    assert run("kill") == (registry.USAGE, "usage: kill TASK\n")
    assert registry.complete("kill w") == ["worker"], "completes the live tasks' names"


def test_ps_and_kill_without_an_executor_say_so() -> None:
    executor.the_executor.clear()
    assert run("ps") == (registry.FAILED, "ps: the executor is not running\n")
    assert run("kill 1") == (registry.FAILED, "kill: the executor is not running\n")


def test_the_shell_cannot_kill_itself(machine: Machine) -> None:
    """``kill`` refuses the task that runs it, the shell, by name or ID:
    cancelled, it would leave no prompt."""
    said: list[tuple[int, str]] = []

    async def shell() -> None:
        said.append(run("kill shell"))
        said.append(run(f"kill {me.ident}"))
        await suspend()

    me = executor.spawn(shell(), "shell")
    machine.executor.run_until_idle()
    assert said == [(registry.FAILED, "kill: shell: the shell cannot kill itself\n"),
                    (registry.FAILED, f"kill: {me.ident}: the shell cannot kill itself\n")]
    assert not me.finished() and not me.cancel_requested

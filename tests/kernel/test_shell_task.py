"""The shell as a task (kernel/shell/prompt.py) on the host executor: it
runs typed lines, and between them it is suspended on ``console_input``
(registered with both consoles' waiters and a timer), not polling; an
async command runs inside it while the executor goes on with other
tasks."""

from __future__ import annotations

import pytest

import kernel.clock as clock
import kernel.shell.commands.all  # noqa: F401 - registers the commands
from kernel.shell import keys, prompt, registry
from kernel.shell.output import Output
from kernel.task import executor, waker
from kernel.task.futures import sleep_ms
from kernel.task.wakeset import NO_SLOT
from pythos.lang import u32, u64

from .executor_fakes import Machine


class Typist:
    """Key events the shell reads through ``consolekeys.next_event``."""

    def __init__(self) -> None:
        self.events: list[int] = []
        self.reads = 0

    def type(self, text: str) -> None:
        self.events.extend(ord(c) for c in text)

    def next_event(self) -> u32:
        self.reads += 1
        return u32(self.events.pop(0)) if self.events else keys.NO_EVENT


@pytest.fixture
def typist(machine: Machine, monkeypatch: pytest.MonkeyPatch) -> Typist:
    typist = Typist()
    monkeypatch.setattr(prompt, "next_event", typist.next_event)
    monkeypatch.setattr(prompt, "draw", lambda renderer, actions: None)
    monkeypatch.setattr(clock, "uptime_ms", machine.clock.now)
    return typist


def test_the_shell_runs_lines_and_waits_on_both_consoles_between_them(
        machine: Machine, typist: Typist, capsys: pytest.CaptureFixture[str]) -> None:
    shell = executor.spawn(prompt.run(), "shell")
    machine.executor.run_until_idle()
    assert "Pythos is up." in capsys.readouterr().out
    reads, polls = typist.reads, shell.polls
    typist.type("echo hi there\r")
    waker.wake(u64(shell.slot))          # as IRQ 4 would
    machine.executor.run_until_idle()
    assert capsys.readouterr().out == "hi there\n"
    assert shell.polls == polls + 1, "one poll ran the whole line"
    assert typist.reads == reads + len("echo hi there\r") + 1
    # Suspended, and registered where a key or a byte will wake it.
    assert shell.state_name() == "waiting" and not shell.finished()
    assert waker.KEYBOARD.registered() == shell.slot == waker.SERIAL.registered()
    # The time bound: with nothing typed it looks again after IDLE_LOOK_MS.
    machine.clock.ms += int(prompt.IDLE_LOOK_MS)
    machine.executor.run_until_idle()
    assert shell.polls == polls + 2 and typist.reads == reads + len("echo hi there\r") + 2


def test_an_async_command_waits_inside_the_shell_task(
        machine: Machine, typist: Typist, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    async def nap(out: Output, words: list[str]) -> int:
        out.line("nap: start")
        await sleep_ms(u64(int(words[0])))
        out.line(f"nap: woke at {int(machine.clock.now())}")
        return registry.OK

    monkeypatch.setitem(registry.COMMANDS, "nap", registry.add_async("nap", nap, "MS"))
    ticks: list[int] = []

    async def clock_task() -> None:
        while True:
            await sleep_ms(u64(10))
            ticks.append(int(machine.clock.now()))

    executor.spawn(clock_task(), "clock")
    shell = executor.spawn(prompt.run(), "shell")
    typist.type("nap 50\r")
    machine.executor.run_until_idle()
    assert capsys.readouterr().out.endswith("nap: start\n")
    while len(ticks) < 5:
        machine.executor.idle()          # the fake timer moves the clock on
        machine.executor.run_until_idle()
    assert ticks == [10, 20, 30, 40, 50][:len(ticks)], "the clock task ran meanwhile"
    assert "nap: woke at 50" in capsys.readouterr().out
    assert shell.state_name() in ("waiting", "sleeping")
    assert waker.KEYBOARD.registered() in (shell.slot, NO_SLOT)

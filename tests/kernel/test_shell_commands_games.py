"""``snake`` and ``flappy`` from the shell on the host: the console's key
events become game keys, the frame loop (``runner.play``) keeps the
game's pace on a fake clock, quits on Q, Esc or Ctrl-C, and gives the
screen back exactly; the command prints the score."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kernel.shell.commands.ps  # noqa: F401 - registers ps
from kernel.apps import flappy, snake
from kernel.apps import game as game_keys
from kernel.apps.runner import GameRunner, play
from kernel.apps.textgfx import WIDTH, MemorySink, make_cell
from kernel.drivers import scancode
from kernel.shell import gameplay, jobs, keys, registry
from kernel.shell.output import Capture
from kernel.task import executor
from kernel.task.futures import yield_now
from pythos.lang import u8, u32, u64

from .executor_fakes import Machine
from .helpers import drive


@pytest.mark.parametrize(("event", "key"), [
    (keys.NO_EVENT, game_keys.KEY_NONE),
    (keys.key(scancode.KEY_UP), game_keys.KEY_UP),
    (keys.key(scancode.KEY_LEFT, keys.SHIFT), game_keys.KEY_LEFT),
    (keys.key(scancode.KEY_ESCAPE), game_keys.KEY_QUIT),
    (keys.CTRL_C, game_keys.KEY_QUIT),
    (u32(ord("q")), game_keys.KEY_QUIT), (u32(ord("W")), game_keys.KEY_UP),
    (u32(ord(" ")), game_keys.KEY_ACTION), (u32(ord("p")), game_keys.KEY_PAUSE),
    (keys.CARRIAGE_RETURN, game_keys.KEY_ENTER),
    (u32(0xE9), game_keys.KEY_OTHER), (u32(0x20AC), game_keys.KEY_OTHER),
])
def test_console_events_become_game_keys(event: u32, key: u8) -> None:
    assert gameplay.game_key(u32(event)) == key


class FakeTime:
    """A clock that moves only when the loop idles (1 ms a time), with
    keys that arrive at given times."""

    def __init__(self, arrivals: list[tuple[int, u8]]) -> None:
        self.now = 1000
        self.arrivals = sorted(arrivals, key=lambda a: a[0])
        self.idles = 0

    def next_key(self) -> u8:
        if self.arrivals and self.arrivals[0][0] <= self.now:
            return self.arrivals.pop(0)[1]
        return game_keys.KEY_NONE

    def now_ms(self) -> int:
        return self.now

    async def wait(self, ms: int) -> None:
        assert ms > 0, "the loop waits only while the frame is not due"
        self.idles += 1
        self.now += 1


def shell_screen() -> MemorySink:
    sink = MemorySink()
    for i, ch in enumerate("pythos> snake"):
        sink.cells[22 * WIDTH + i] = make_cell(u8(ord(ch)), u8(0x07))
    sink.set_cursor(22, 13)
    return sink


def test_the_loop_keeps_the_games_pace_and_quits_at_once() -> None:
    game = snake.new(u64(42))
    time = FakeTime([(1350, game_keys.KEY_UP), (2000, game_keys.KEY_QUIT)])
    sink = shell_screen()
    before = list(sink.cells)
    runner = GameRunner(game, sink)
    drive(play(runner, time.next_key, time.now_ms, time.wait))
    # Snake moves every interval_ms (it starts short, so 150 ms here):
    # frames at 1150, 1300, ..., 1900; the quit at 2000 ends the wait then.
    assert runner.frames == (2000 - 1000) // game.interval_ms()
    assert time.now == 2000, "Q did not wait for the next frame"
    assert sink.cells == before and (sink.row, sink.column) == (22, 13)
    assert sink.cursor_visible


def test_a_late_loop_starts_counting_afresh() -> None:
    game = flappy.new(u64(7))
    time = FakeTime([(5000, game_keys.KEY_QUIT)])
    runner = GameRunner(game, MemorySink())
    calls = [0]

    def slow_now() -> int:
        calls[0] += 1
        if calls[0] == 3:
            time.now += 10_000  # the machine stopped for ten seconds
        return time.now

    time.arrivals = [(16_000, game_keys.KEY_QUIT)]
    drive(play(runner, time.next_key, slow_now, time.wait))
    # Without the reset it would race through 10 s of frames at once.
    assert runner.frames < (16_000 - 1000) // game.interval_ms()


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(1000, 4000), st.sampled_from(
    [game_keys.KEY_UP, game_keys.KEY_DOWN, game_keys.KEY_LEFT, game_keys.KEY_RIGHT,
     game_keys.KEY_PAUSE, game_keys.KEY_ACTION, game_keys.KEY_ENTER])), max_size=30))
def test_any_keys_then_quit_give_the_screen_back(arrivals: list[tuple[int, u8]]) -> None:
    for new in (snake.new, flappy.new):
        time = FakeTime([*arrivals, (4500, game_keys.KEY_QUIT)])
        sink = shell_screen()
        before = list(sink.cells)
        drive(play(GameRunner(new(u64(3)), sink), time.next_key, time.now_ms,
                   time.wait))
        assert sink.cells == before and time.now <= 4500


def in_shell_task(machine: Machine, work: Coroutine[Any, Any, int]) -> list[int]:
    """Run ``work`` as the shell task does, in a task of the executor; its
    result, once it is there."""
    result: list[int] = []

    async def shell() -> None:
        result.append(await work)

    executor.spawn(shell(), "shell")
    return result


def test_the_command_reports_the_score(machine: Machine) -> None:
    out = Capture()
    game = flappy.new(u64(7))
    time = FakeTime([(1000 + 80 * i, game_keys.KEY_ACTION) for i in range(1, 60)]
                    + [(9000, game_keys.KEY_QUIT)])
    status = in_shell_task(machine, gameplay.play_on(out, "flappy", game, MemorySink(),
                                                     time.next_key, time.now_ms, time.wait))
    machine.executor.run_until_idle()
    lines = out.text().splitlines()
    assert status == [registry.OK]
    assert lines[0].startswith("flappy: playing on the screen;")
    assert lines[1] == f"flappy: score {game.score}, high score {max(game.score, game.high_score)}"
    assert executor.running().live_tasks() == []


def test_the_game_is_a_task_of_its_own_and_ctrl_c_cancels_it(
        machine: Machine, monkeypatch: pytest.MonkeyPatch) -> None:
    time = FakeTime([])
    monkeypatch.setattr(gameplay, "next_event",
                        lambda: keys.CTRL_C if time.now == 1500 else keys.NO_EVENT)

    async def wait(ms: int) -> None:       # a millisecond passes, other tasks run
        time.now += 1
        await yield_now()

    sink = shell_screen()
    before = list(sink.cells)
    out = Capture()
    game = snake.new(u64(42))
    status = in_shell_task(machine, gameplay.play_on(out, "snake", game, sink,
                                                     gameplay.next_key, time.now_ms, wait))
    for _ in range(10):
        machine.executor.poll_one()
    shell, playing = executor.running().live_tasks()
    assert (shell.name, playing.name) == ("shell", "snake")
    assert shell.state_name() == "waiting" and playing.state_name() == "ready"
    ps = Capture()
    registry.run(ps, "ps")
    assert [line.split()[-1] for line in ps.text().splitlines()[1:-1]] == ["shell", "snake"]
    assert sink.cells != before, "the game is on the screen"
    machine.executor.run_until_idle()
    assert status == [registry.OK] and time.now == 1501, "cancelled at its next await"
    assert playing.state_name() == "cancelled" and shell.finished()
    assert out.text().splitlines()[1:] == [
        "snake: stopped by Ctrl-C", f"snake: score 0, high score {game.high_score}"]
    assert sink.cells == before and (sink.row, sink.column) == (22, 13), "the finally ran"
    assert sink.cursor_visible and jobs.waiter == jobs.NO_WAITER


def test_ctrl_c_without_a_job_is_a_quit_key(machine: Machine,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gameplay, "next_event", lambda: keys.CTRL_C)
    assert gameplay.next_key() == game_keys.KEY_QUIT


def test_a_cancelled_shell_takes_its_job_with_it(machine: Machine) -> None:
    time = FakeTime([])

    async def wait(ms: int) -> None:
        time.now += 1
        await yield_now()

    sink = shell_screen()
    before = list(sink.cells)
    in_shell_task(machine, gameplay.play_on(Capture(), "flappy", flappy.new(u64(1)), sink,
                                            time.next_key, time.now_ms, wait))
    for _ in range(10):
        machine.executor.poll_one()
    shell, playing = executor.running().live_tasks()
    shell.cancel()
    assert playing.state_name() == "cancelled" and sink.cells == before


def test_a_bad_seed_is_a_usage_line() -> None:
    import kernel.shell.commands.all  # noqa: F401 - registers the commands
    out = Capture()
    assert drive(registry.run_async(out, "snake fast")) == registry.USAGE
    assert out.text() == "snake: SEED must be a decimal number\nusage: snake [SEED]\n"
    out = Capture()
    assert drive(registry.run_async(out, "flappy 1 2")) == registry.USAGE
    assert out.text() == "usage: flappy [SEED]\n"
    assert gameplay.parse_seed(out, "snake", ["12345"]) == 12345

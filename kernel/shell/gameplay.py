"""Playing a game from the shell: the console's keys, the clock and the VGA screen.

``snake`` and ``flappy`` (kernel/shell/commands/) hand their game to
``run``, which plays it on the VGA screen with ``runner.play`` until the
player quits, then gives the screen back as it was and prints the
score.  The game runs as a task of its own, named after it
(``jobs.run_in_foreground``), which the shell task awaits.  The keys
come from both consoles, the same stream the prompt reads
(``consolekeys.next_event``), turned into the games' keys by
``game_key``: arrows and WASD, P, Q, Esc, Space and Enter.  Ctrl-C
interrupts the job (``jobs.interrupt``): the shell cancels the game's
task, whose ``finally`` restores the screen, as Ctrl-C stops a program.
The picture is drawn on the VGA screen only; the serial side gets a
line saying so, and the result.

High scores last for the session: the games keep them themselves
(their module's ``record``), and every new game starts from it.
"""

from collections.abc import Callable, Coroutine
from typing import Any

import kernel.clock as clock
from kernel.apps import game as game_keys
from kernel.apps.game import Game
from kernel.apps.runner import GameRunner, play
from kernel.apps.textgfx import CellSink
from kernel.apps.vgasink import VgaSink
from kernel.shell import jobs, keys
from kernel.shell.consolekeys import next_event
from kernel.shell.output import Output
from kernel.shell.registry import OK, is_number
from kernel.task.input import console_input
from pythos.lang import i64, rdtsc, u8, u32, u64


def game_key(event: u32) -> u8:
    """The game key for a shell key event (``keys.NO_EVENT``: ``KEY_NONE``)."""
    if event == keys.NO_EVENT:
        return game_keys.KEY_NONE
    if keys.is_key(event):
        return game_keys.from_scancode(keys.key_code(event), u8(0))
    if event == keys.CTRL_C:
        return game_keys.KEY_QUIT
    if event > 0x7F:
        return game_keys.KEY_OTHER
    return game_keys.from_char(u8(event))


def next_key() -> u8:
    """The next game key from the consoles; Ctrl-C interrupts the job
    (the game's task is cancelled, so the game sees nothing)."""
    event = next_event()
    if event == keys.CTRL_C and jobs.interrupt():
        return game_keys.KEY_NONE
    return game_key(event)


def now_ms() -> int:
    return int(i64(clock.uptime_ms()))


def parse_seed(out: Output, name: str, words: list[str]) -> int:
    """The seed the words give (a decimal number), a new one from the
    time-stamp counter when there are none, or -1 after a message."""
    if len(words) == 0:
        return int(i64(rdtsc() & u64(0xFFFFFFFF))) | 1
    word = words[0]
    if not is_number(word):
        out.line(f"{name}: SEED must be a decimal number")
        return -1
    return int(word)


async def wait_for_console(ms: int) -> None:
    """Until a key or a COM1 byte arrives, or ``ms`` have passed."""
    await console_input(u64(max(ms, 1)))


async def play_on(out: Output, name: str, game: Game, sink: CellSink,
                  read_key: Callable[[], u8], time_ms: Callable[[], int],
                  wait: Callable[[int], Coroutine[Any, Any, None]]) -> int:
    """Play ``game`` on ``sink`` as the task ``name`` until the player
    quits or Ctrl-C stops it, then report."""
    out.line(f"{name}: playing on the screen; arrows or WASD, P pauses, Q, Esc or Ctrl-C "
             "quits")
    runner = GameRunner(game, sink)
    if not await jobs.run_in_foreground(play(runner, read_key, time_ms, wait), name):
        out.line(f"{name}: stopped by Ctrl-C")
    out.line(f"{name}: score {game.score}, high score {max(game.score, game.high_score)}")
    return OK


async def run(out: Output, name: str, game: Game) -> int:
    """Play ``game`` on the VGA screen with the consoles' keys, in a task
    of its own: while it waits for the next frame, other tasks run."""
    return await play_on(out, name, game, VgaSink(), next_key, now_ms, wait_for_console)

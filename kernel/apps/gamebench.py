"""The games on the real screen, with each frame's cost in instructions.

``bench=games`` on the command line runs this (``kmain`` calls ``run``
once everything is up), until the executor can run the games as tasks from
the shell.  It plays one scripted game of each kind on the VGA console,
through ``VgaSink``, with the games' own demo players at the keys: snake
from seed 42 until the snake traps itself, flappy bird from seed 7,
flapping for 600 frames and then falling.  That is exactly the game the
host tests replay (tests/kernel/test_snake.py, test_flappy.py), so the
scores printed here must be the ones CPython computes.

A *frame* is what the game's runner will do at each tick: ``step`` (the
rules), ``render`` (draw the whole picture into the back buffer) and
``present`` (copy the changed cells to the screen).  Each frame is timed
with ``rdtsc``, interrupts off, and under QEMU's ``-icount`` (``make
bench``) the difference is exact guest instructions; the cost of the
empty timing window is taken off.  Lines ``bench: NAME VALUE`` report the
mean and the largest frame, each part's mean, and the mean number of
cells a frame changed.

At a frame in the middle of each game and after its last, the picture
stays on the screen for ``HOLD_MS``, or until a byte arrives on the
serial port, so that a test can take a
``screendump`` of it (tests/qemu/test_games.py); under ``-icount`` the
hold passes in no time.  Then the screen the game found is restored, and
checked cell by cell.  While a game owns the screen, this module writes
its results to the serial port only.
"""

from typing import Final

import kernel.arch.x86_64.irqflags as irqflags
import kernel.clock as clock
import kernel.cmdline as cmdline_options
import kernel.drivers.serial as serial
import kernel.drivers.serial_input as serial_input
from kernel.apps import flappy, snake, textgfx
from kernel.apps.game import KEY_NONE, Game
from kernel.apps.textgfx import TextGfx
from kernel.apps.vgasink import VgaSink
from kernel.bytespan import ByteSpan
from pythos.lang import rdtsc, u8, u64

HOLD_MS: Final = 3000
SNAKE_SEED: Final = u64(42)
FLAPPY_SEED: Final = u64(7)
FLAPPY_FLAPPING: Final = 600
# Frames after which the game in play is held for a screendump too.
SNAKE_SHOT_FRAME: Final = 640
FLAPPY_SHOT_FRAME: Final = 420
MAX_FRAMES: Final = 5000


class FrameCosts:
    """Instructions spent per frame, and in each part of it."""

    def __init__(self) -> None:
        self.frames = 0
        self.total = u64(0)
        self.largest = u64(0)
        self.step = u64(0)
        self.render = u64(0)
        self.present = u64(0)
        self.changed = 0

    def report(self, name: str) -> None:
        """Print the ``bench:`` lines for game ``name``."""
        frames = u64(self.frames)
        note(f"bench: {name} frames {self.frames}")
        note(f"bench: {name} frame mean {self.total // frames}")
        note(f"bench: {name} frame max {self.largest}")
        note(f"bench: {name} step mean {self.step // frames}")
        note(f"bench: {name} render mean {self.render // frames}")
        note(f"bench: {name} present mean {self.present // frames}")
        note(f"bench: {name} cells changed mean {self.changed // self.frames}")


def note(line: str) -> None:
    """A line on the serial port only: the screen shows the game."""
    serial.write_str(line)
    serial.write_str("\n")


def empty_window() -> u64:
    """Instructions an empty timing window costs (two ``rdtsc``), averaged."""
    cost = u64(0)
    for _ in range(1024):
        start = rdtsc()
        cost += rdtsc() - start
    return cost // u64(1024)


def timed_frame(game: Game, key: u8, gfx: TextGfx, sink: VgaSink, costs: FrameCosts,
                window: u64) -> None:
    """One frame, its parts timed with interrupts off."""
    flags = irqflags.save_and_disable()
    start = rdtsc()
    game.step(key)
    stepped = rdtsc()
    game.render(gfx)
    rendered = rdtsc()
    changed = gfx.present(sink)
    presented = rdtsc()
    irqflags.restore(flags)
    # Each part's window includes one rdtsc; the whole frame's, two.
    step = stepped - start - window // u64(2)
    render = rendered - stepped - window // u64(2)
    present = presented - rendered - window // u64(2)
    total = step + render + present
    costs.frames += 1
    costs.total += total
    costs.step += step
    costs.render += render
    costs.present += present
    costs.changed += changed
    if total > costs.largest:
        costs.largest = total


def hold(name: str) -> None:
    """Keep the last frame on the screen for a screendump (see above)."""
    note(f"games: {name}: frame held")
    deadline = clock.uptime_ms() + u64(HOLD_MS)
    while clock.uptime_ms() < deadline:
        if serial_input.read_byte() >= 0:
            return
        clock.sleep_ms(u64(5))


def play_snake(gfx: TextGfx, sink: VgaSink, window: u64) -> None:
    game = snake.new(SNAKE_SEED)
    costs = FrameCosts()
    while game.state != snake.OVER and costs.frames < MAX_FRAMES:
        timed_frame(game, game.demo_key(), gfx, sink, costs, window)
        if costs.frames == SNAKE_SHOT_FRAME:
            hold("snake playing")
    note(f"games: snake score {game.score} length {game.length()} ticks {game.ticks}")
    costs.report("snake")
    note(f"bench: snake interval at the end ms {game.interval_ms()}")


def play_flappy(gfx: TextGfx, sink: VgaSink, window: u64) -> None:
    game = flappy.new(FLAPPY_SEED)
    costs = FrameCosts()
    while game.state != flappy.OVER and costs.frames < MAX_FRAMES:
        key = game.demo_key() if costs.frames < FLAPPY_FLAPPING else KEY_NONE
        timed_frame(game, key, gfx, sink, costs, window)
        if costs.frames == FLAPPY_SHOT_FRAME:
            hold("flappy playing")
    note(f"games: flappy score {game.score} frames {costs.frames}")
    costs.report("flappy")
    note(f"bench: flappy interval ms {game.interval_ms()}")


def run(cmdline: ByteSpan) -> None:
    """With ``bench=games`` on the command line, play both games."""
    value = ByteSpan()
    if cmdline_options.find_option(cmdline, "bench", value) and value.equals("games"):
        play_both()


def play_both() -> None:
    """Play both games on the screen and print their costs."""
    sink = VgaSink()
    window = empty_window()
    saved = textgfx.save(sink)
    sink.show_cursor(False)
    gfx = TextGfx()
    gfx.sync(sink)
    play_snake(gfx, sink, window)
    hold("snake over")
    play_flappy(gfx, sink, window)
    hold("flappy over")
    textgfx.restore(sink, saved)
    sink.show_cursor(True)
    same = 0
    for i in range(textgfx.CELLS):
        if sink.read_cell(i) == saved.cells[i]:
            same += 1
    note(f"games: screen restored, {same} of {textgfx.CELLS} cells as before")

"""Flappy bird on the text screen, in fixed-point arithmetic.

The screen::

    row 0        FLAPPY  Score 4  High 9             Space/Up flap  P pause  Q quit
    rows 1-23    sky, the bird ► at column 20, pipes █ sliding in from the right
    row 24       ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒ the ground

**Fixed point.**  There are no floats in the kernel, but smooth motion
needs fractions of a cell: a bird that falls one whole row per frame from
the start would drop like a stone.  So positions and speeds are integers
counting 1/256 of a cell (``ONE`` = 256, "24.8 fixed point"): ``y = 2560``
is row 10 exactly, ``y = 2688`` is half-way to row 11.  Adding speeds to
positions and gravity to speeds is plain integer addition; the row to
draw is ``y >> 8`` (an arithmetic shift, so it floors for negative values
too, as pipes leaving the screen have).  Everything is exact, identical
compiled and under CPython, and a seed replays a game to the last 1/256.

**The frame.**  The game runs at a fixed rate, one ``tick`` every
``FRAME_MS`` milliseconds (about 30 a second).  A tick is the physics of
one frame, in this order: a flap pressed since the last frame sets the
upward speed (``-FLAP``); gravity adds ``GRAVITY`` to the speed, up to
``MAX_FALL``; the speed moves the bird; the pipes move ``SCROLL`` to the
left, the one gone off the left edge is dropped, and a new one enters on
the right every ``SPACING`` columns; a pipe whose right edge has passed
the bird scores a point; then the bird is tested against the ground and
the pipes.  Keys change nothing between frames: ``frame(keys)`` presses
each key, then ticks, so the game depends only on which keys came in
which frame.

**Collision.**  The bird is one cell: (``bird_row()``, ``BIRD_COLUMN``).
A pipe covers the columns ``[x >> 8, (x >> 8) + PIPE_WIDTH)`` and every
row but its gap ``[gap_top, gap_top + GAP)``.  The bird hits it when its
column is among the pipe's and its row is not in the gap: exactly when
it would be drawn over a pipe cell, so what the player sees is what
counts.  Touching the ground ends the game; the ceiling stops the bird.

The gaps are drawn from the seed with xorshift64.  A game starts in the
READY state (the bird waits, nothing scrolls) until the first flap; after
a crash, Space or Enter starts again once ``RESTART_DELAY`` frames have
passed, so a player still hammering Space does not skip the score.
"""

from typing import Final

from kernel.apps import game as keys
from kernel.apps.game import BOX_ATTRIBUTE, Game, SessionRecord
from kernel.apps.textgfx import WIDTH, TextGfx
from pythos.lang import i64, u8, u64

FRAME_MS: Final = 33
# Fixed point: 1/256 of a cell.
SHIFT: Final = 8
ONE: Final = 256
GRAVITY: Final = 16
FLAP: Final = 160
MAX_FALL: Final = 192
SCROLL: Final = 128
# The sky is rows SKY_ROW to GROUND_ROW - 1.
SKY_ROW: Final = 1
GROUND_ROW: Final = 24
BIRD_COLUMN: Final = 20
PIPE_WIDTH: Final = 5
GAP: Final = 7
SPACING: Final = 24
# The highest and lowest top of a gap, keeping it two rows from either edge.
GAP_TOP_MIN: Final = 3
GAP_TOP_MAX: Final = 15
RESTART_DELAY: Final = 15
DEFAULT_SEED: Final = u64(0x2545F4914F6CDD1D)

# The states are every game's (game.py), named here too.
READY: Final = keys.READY
RUNNING: Final = keys.RUNNING
PAUSED: Final = keys.PAUSED
OVER: Final = keys.OVER

BIRD: Final = u8(0x10)
PIPE: Final = u8(0xDB)
GROUND: Final = u8(0xB1)
SKY_ATTRIBUTE: Final = u8(0x07)
BIRD_ATTRIBUTE: Final = u8(0x0E)
DEAD_ATTRIBUTE: Final = u8(0x0C)
PIPE_ATTRIBUTE: Final = u8(0x0A)
GROUND_ATTRIBUTE: Final = u8(0x06)

# The best score of this session (since boot).
record: SessionRecord = SessionRecord()


class Pipe:
    """A pipe: its left edge ``x`` (fixed point) and its gap's top row."""

    def __init__(self, x: int, gap_top: int) -> None:
        self.x = x
        self.gap_top = gap_top
        self.passed = False

    def column(self) -> int:
        """The leftmost column it covers (may be off the screen)."""
        return self.x >> SHIFT

    def blocks(self, row: int, column: int) -> bool:
        """Whether the pipe covers the cell (row, column)."""
        left = self.column()
        return (left <= column < left + PIPE_WIDTH
                and not (self.gap_top <= row < self.gap_top + GAP))


class Flappy(Game):
    """One game of flappy bird (and the next ones, after a crash)."""

    y: int
    speed: int
    pipes: list[Pipe]
    flap_pending: bool
    frames: int
    over_frames: int

    def __init__(self, seed: u64) -> None:
        super().__init__(seed, DEFAULT_SEED, record)
        self.state = READY
        self.y = 0
        self.speed = 0
        self.pipes = []
        self.flap_pending = False
        self.frames = 0
        self.over_frames = 0
        self.restart()

    def restart(self) -> None:
        """The bird back in mid-air, no pipes, waiting for the first flap."""
        self.state = READY
        self.score = 0
        self.y = (GROUND_ROW + SKY_ROW) // 2 * ONE
        self.speed = 0
        self.pipes.clear()
        self.flap_pending = False
        self.frames = 0
        self.over_frames = 0

    def bird_row(self) -> int:
        """The row the bird is drawn in."""
        return self.y >> SHIFT

    def add_pipe(self, x: int) -> None:
        """A new pipe at ``x`` with a gap drawn at random."""
        gap_top = GAP_TOP_MIN + i64(self.random() % u64(GAP_TOP_MAX - GAP_TOP_MIN + 1))
        self.pipes.append(Pipe(x, gap_top))

    # -- rules ------------------------------------------------------------

    def press(self, key: u8) -> None:
        if self.press_common(key):
            return
        if key == keys.KEY_ACTION or key == keys.KEY_UP:
            if self.state == READY:
                self.state = RUNNING
                self.flap_pending = True
            elif self.state == RUNNING:
                self.flap_pending = True
            elif self.state == OVER and self.over_frames >= RESTART_DELAY:
                self.restart()
        elif key == keys.KEY_ENTER:
            if self.state == OVER and self.over_frames >= RESTART_DELAY:
                self.restart()

    def frame(self, pressed: list[u8]) -> None:
        """One frame: the keys pressed since the last, then a tick."""
        for key in pressed:
            self.press(key)
        self.tick()

    def tick(self) -> None:
        if self.state == OVER:
            self.over_frames += 1
            return
        if self.state != RUNNING:
            return
        self.frames += 1
        # The bird: a flap replaces the speed, gravity adds to it.
        if self.flap_pending:
            self.speed = -FLAP
            self.flap_pending = False
        self.speed = min(self.speed + GRAVITY, MAX_FALL)
        self.y += self.speed
        if self.y < SKY_ROW * ONE:
            self.y = SKY_ROW * ONE
            self.speed = 0
        # The pipes: scroll, drop the one that left, bring in the next.
        for pipe in self.pipes:
            pipe.x -= SCROLL
        if self.pipes and self.pipes[0].x + PIPE_WIDTH * ONE <= 0:
            self.pipes.pop(0)
        if not self.pipes:
            self.add_pipe(WIDTH * ONE)
        elif self.pipes[len(self.pipes) - 1].x <= (WIDTH - SPACING) * ONE:
            self.add_pipe(self.pipes[len(self.pipes) - 1].x + SPACING * ONE)
        # Scoring, then collision.
        for pipe in self.pipes:
            if not pipe.passed and pipe.x + PIPE_WIDTH * ONE <= BIRD_COLUMN * ONE:
                pipe.passed = True
                self.score += 1
                self.note_score()
        if self.crashed():
            self.state = OVER
            self.over_frames = 0
            self.note_score()

    def crashed(self) -> bool:
        """Whether the bird is on the ground or inside a pipe."""
        row = self.bird_row()
        if row >= GROUND_ROW:
            return True
        for pipe in self.pipes:
            if pipe.blocks(row, BIRD_COLUMN):
                return True
        return False

    def interval_ms(self) -> int:
        return FRAME_MS

    def demo_key(self) -> u8:
        """The key a simple player would press now: flap when the bird is
        falling and below the middle of the next gap (the demo, the tests'
        scripted games and the benchmark play with it)."""
        if self.state == READY:
            return keys.KEY_ACTION
        if self.state != RUNNING or self.speed < 0:
            return keys.KEY_NONE
        target = (GROUND_ROW + SKY_ROW) // 2
        for pipe in self.pipes:
            if pipe.column() + PIPE_WIDTH > BIRD_COLUMN:
                target = pipe.gap_top + GAP - 2
                break
        if self.bird_row() >= target:
            return keys.KEY_ACTION
        return keys.KEY_NONE

    # -- pictures ---------------------------------------------------------

    def render(self, gfx: TextGfx) -> None:
        gfx.clear(SKY_ATTRIBUTE)
        self.render_top_row(gfx, "FLAPPY", f"Score {self.score:<4} High {self.high_score}",
                            "Space/Up flap  P pause  Q quit")
        for pipe in self.pipes:
            left = pipe.column()
            gfx.fill(SKY_ROW, left, pipe.gap_top - SKY_ROW, PIPE_WIDTH, PIPE, PIPE_ATTRIBUTE)
            bottom = pipe.gap_top + GAP
            gfx.fill(bottom, left, GROUND_ROW - bottom, PIPE_WIDTH, PIPE, PIPE_ATTRIBUTE)
        gfx.fill(GROUND_ROW, 0, 1, WIDTH, GROUND, GROUND_ATTRIBUTE)
        row = min(self.bird_row(), GROUND_ROW)
        attribute = DEAD_ATTRIBUTE if self.state == OVER else BIRD_ATTRIBUTE
        gfx.put(row, BIRD_COLUMN, BIRD, attribute)
        self.render_paused(gfx)
        if self.state == READY:
            gfx.message_box("FLAPPY BIRD", "Space or Up to flap, Q to quit", BOX_ATTRIBUTE)
        elif self.state == OVER:
            gfx.message_box(f"CRASH! Score {self.score}", "Space to fly again, Q to quit",
                            BOX_ATTRIBUTE)

    def picture(self) -> list[str]:
        """The sky as text, rows SKY_ROW to GROUND_ROW - 1: ``>`` the bird,
        ``#`` pipe, ``.`` air (what the tests compare)."""
        lines: list[str] = []
        bird = self.bird_row()
        for row in range(SKY_ROW, GROUND_ROW):
            line = ""
            for column in range(WIDTH):
                mark = "."
                for pipe in self.pipes:
                    if pipe.blocks(row, column):
                        mark = "#"
                if row == bird and column == BIRD_COLUMN:
                    mark = ">"
                line += mark
            lines.append(line)
        return lines


def new(seed: u64) -> Flappy:
    """A new game whose pipe gaps follow ``seed``."""
    return Flappy(seed)

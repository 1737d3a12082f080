"""Snake: the classic, on the 80x25 text screen.

The screen::

    row 0        SNAKE  Score 3  High 7  Length 13          P pause  Q quit
    row 1        ╔══════════════════════════════════════════════════════╗
    rows 2-23    ║  the board: 78 x 22 cells    ooooo☻        ♦          ║
    row 24       ╚══════════════════════════════════════════════════════╝

The board is a grid of ``BOARD_WIDTH`` x ``BOARD_HEIGHT`` cells, numbered
``y * BOARD_WIDTH + x``.  The snake is the list of the cells it covers,
tail first and head last, plus ``occupied``, one flag per cell, so that
"did the head run into the body?" is one lookup rather than a walk along
the snake.  A move appends the new head and, unless the snake is growing,
pops the tail; the tail's cell is freed *before* the collision test, so
the head may follow its own tail around, as in every snake.

Turns are queued (up to ``TURN_QUEUE``), one taken per tick: pressing Up
then Left quickly within one tick turns twice, on two ticks, where
keeping only the last key would have reversed the snake into itself.
A turn is checked against the direction queued before it, so a reversal
is refused when it is pressed, not when it would be taken.

Food goes on a free cell drawn with xorshift64 from the game's seed:
``r`` = the next number modulo the count of free cells, then the r-th
free cell, so every free cell is equally likely and the draw always
ends, even on an almost full board.  A full board is a win.

Eating grows the snake by ``GROWTH`` and scores a point; the tick
interval shrinks as the snake grows (``tick_interval_ms``), so the game
speeds up.  The best score of the session is kept in ``record``, which
every new game starts from; the states, quitting and pausing, the random
numbers and the top row are every game's (``game.Game``).

All of it is pure: ``tick`` and ``press`` change only the game, and the
same seed and keys give the same game (tests/kernel/test_snake.py).
"""

from typing import Final

from kernel.apps import game as keys
from kernel.apps.game import BOX_ATTRIBUTE, Game, SessionRecord
from kernel.apps.textgfx import HEIGHT, WIDTH, TextGfx
from pythos.lang import i64, u8, u64

BOARD_WIDTH: Final = 78
BOARD_HEIGHT: Final = 22
BOARD_CELLS: Final = 1716
# Where the board's cell (0, 0) is on the screen: inside the walls.
BOARD_ROW: Final = 2
BOARD_COLUMN: Final = 1
START_LENGTH: Final = 4
GROWTH: Final = 3
TURN_QUEUE: Final = 3
# The tick interval: START_INTERVAL_MS at the start, SPEEDUP_MS less per
# segment grown, never below MIN_INTERVAL_MS.
START_INTERVAL_MS: Final = 140
SPEEDUP_MS: Final = 2
MIN_INTERVAL_MS: Final = 50
DEFAULT_SEED: Final = u64(0x9E3779B97F4A7C15)

# The states are every game's (game.py), named here too.
RUNNING: Final = keys.RUNNING
PAUSED: Final = keys.PAUSED
OVER: Final = keys.OVER

# Directions, clockwise from up.
UP: Final = 0
RIGHT: Final = 1
DOWN: Final = 2
LEFT: Final = 3

# The key for each direction (game.KEY_UP, KEY_RIGHT, KEY_DOWN, KEY_LEFT).
DIRECTION_KEYS: Final = b"\x01\x04\x02\x03"

# Glyphs (code page 437) and colours.
HEAD: Final = u8(0x02)
BODY: Final = u8(0x6F)
FOOD: Final = u8(0x04)
WALL_ATTRIBUTE: Final = u8(0x09)
HEAD_ATTRIBUTE: Final = u8(0x0E)
BODY_ATTRIBUTE: Final = u8(0x0A)
FOOD_ATTRIBUTE: Final = u8(0x0C)
TEXT_ATTRIBUTE: Final = u8(0x07)

# The best score of this session (since boot).
record: SessionRecord = SessionRecord()


def tick_interval_ms(length: int) -> int:
    """Milliseconds between moves for a snake of ``length`` segments."""
    return max(MIN_INTERVAL_MS, START_INTERVAL_MS - (length - START_LENGTH) * SPEEDUP_MS)


def step_x(direction: int) -> int:
    """The column change of one move in ``direction``."""
    return 1 if direction == RIGHT else -1 if direction == LEFT else 0


def step_y(direction: int) -> int:
    """The row change of one move in ``direction``."""
    return 1 if direction == DOWN else -1 if direction == UP else 0


def apart(a: int, b: int) -> int:
    """How far apart ``a`` and ``b`` are (``abs`` is not compiled yet)."""
    return a - b if a >= b else b - a


def key_direction(key: u8) -> int:
    """The direction an arrow key asks for, or -1."""
    if key == keys.KEY_UP:
        return UP
    if key == keys.KEY_RIGHT:
        return RIGHT
    if key == keys.KEY_DOWN:
        return DOWN
    if key == keys.KEY_LEFT:
        return LEFT
    return -1


class Snake(Game):
    """One game of snake (and the next ones, after Space on game over)."""

    body: list[int]
    occupied: list[bool]
    direction: int
    turns: list[int]
    grow: int
    food: int
    ticks: int

    def __init__(self, seed: u64) -> None:
        super().__init__(seed, DEFAULT_SEED, record)
        self.body = []
        self.occupied = [False] * BOARD_CELLS
        self.direction = RIGHT
        self.turns = []
        self.grow = 0
        self.food = -1
        self.ticks = 0
        self.restart()

    def restart(self) -> None:
        """A new snake in the middle of the board, heading right; the high
        score and the random sequence carry on."""
        self.state = RUNNING
        self.score = 0
        self.body.clear()
        for i in range(BOARD_CELLS):
            self.occupied[i] = False
        x = BOARD_WIDTH // 2 - START_LENGTH
        y = BOARD_HEIGHT // 2
        for i in range(START_LENGTH):
            cell = y * BOARD_WIDTH + x + i
            self.body.append(cell)
            self.occupied[cell] = True
        self.direction = RIGHT
        self.turns.clear()
        self.grow = 0
        self.ticks = 0
        self.food = self.place_food()

    # -- rules ------------------------------------------------------------

    def place_food(self) -> int:
        """A free cell drawn at random, or -1 when the board is full."""
        free = BOARD_CELLS - len(self.body)
        if free == 0:
            return -1
        r = i64(self.random() % u64(free))
        for cell in range(BOARD_CELLS):
            if not self.occupied[cell]:
                if r == 0:
                    return cell
                r -= 1
        return -1

    def head(self) -> int:
        """The cell of the snake's head."""
        return self.body[len(self.body) - 1]

    def length(self) -> int:
        """How many cells the snake covers."""
        return len(self.body)

    def press(self, key: u8) -> None:
        if self.press_common(key):
            return
        if self.state == OVER:
            if key == keys.KEY_ACTION or key == keys.KEY_ENTER:
                self.restart()
        elif self.state == RUNNING:
            wanted = key_direction(key)
            last = self.turns[len(self.turns) - 1] if self.turns else self.direction
            if (wanted >= 0 and wanted != last and wanted != (last + 2) % 4
                    and len(self.turns) < TURN_QUEUE):
                self.turns.append(wanted)

    def tick(self) -> None:
        if self.state != RUNNING:
            return
        self.ticks += 1
        if self.turns:
            self.direction = self.turns.pop(0)
        head = self.head()
        x = head % BOARD_WIDTH + step_x(self.direction)
        y = head // BOARD_WIDTH + step_y(self.direction)
        if not (0 <= x < BOARD_WIDTH and 0 <= y < BOARD_HEIGHT):
            self.game_over()
            return
        new_head = y * BOARD_WIDTH + x
        tail_moves = self.grow == 0
        if self.occupied[new_head] and not (tail_moves and new_head == self.body[0]):
            self.game_over()
            return
        if tail_moves:
            self.occupied[self.body.pop(0)] = False
        else:
            self.grow -= 1
        self.body.append(new_head)
        self.occupied[new_head] = True
        if new_head == self.food:
            self.score += 1
            self.grow += GROWTH
            self.note_score()
            self.food = self.place_food()
            if self.food < 0:
                self.game_over()

    def game_over(self) -> None:
        self.state = OVER
        self.note_score()

    def interval_ms(self) -> int:
        return tick_interval_ms(len(self.body))

    def is_safe(self, direction: int) -> bool:
        """Whether one move in ``direction`` would keep the snake alive."""
        head = self.head()
        x = head % BOARD_WIDTH + step_x(direction)
        y = head // BOARD_WIDTH + step_y(direction)
        if not (0 <= x < BOARD_WIDTH and 0 <= y < BOARD_HEIGHT):
            return False
        cell = y * BOARD_WIDTH + x
        return not self.occupied[cell] or (self.grow == 0 and cell == self.body[0])

    def demo_key(self) -> u8:
        """The key a simple player would press now: of the safe moves, the
        one that brings the head closest to the food (the demo, the tests'
        scripted games and the benchmark play with it).  It looks one move
        ahead only, so it ends by trapping itself, as a greedy player does."""
        if self.state != RUNNING or self.food < 0:
            return keys.KEY_NONE
        head = self.head()
        best = -1
        best_distance = 0
        for turn in range(3):
            direction = (self.direction + 3 + turn) % 4
            if self.is_safe(direction):
                x = head % BOARD_WIDTH + step_x(direction)
                y = head // BOARD_WIDTH + step_y(direction)
                distance = (apart(x, self.food % BOARD_WIDTH)
                            + apart(y, self.food // BOARD_WIDTH))
                if best < 0 or distance < best_distance:
                    best = direction
                    best_distance = distance
        if best < 0 or best == self.direction:
            return keys.KEY_NONE
        return u8(DIRECTION_KEYS[best])

    # -- pictures ---------------------------------------------------------

    def board_lines(self) -> list[str]:
        """The board as text, one str per row: ``@`` the head, ``o`` the
        body, ``*`` the food, ``.`` empty (what the tests compare)."""
        marks = [u8(0x2E)] * BOARD_CELLS
        for cell in self.body:
            marks[cell] = u8(0x6F)
        if self.food >= 0:
            marks[self.food] = u8(0x2A)
        marks[self.head()] = u8(0x40)
        lines: list[str] = []
        for y in range(BOARD_HEIGHT):
            line = ""
            for x in range(BOARD_WIDTH):
                line += chr(marks[y * BOARD_WIDTH + x])
            lines.append(line)
        return lines

    def render(self, gfx: TextGfx) -> None:
        gfx.clear(TEXT_ATTRIBUTE)
        self.render_top_row(gfx, "SNAKE", f"Score {self.score:<4} High {self.high_score:<4} "
                            f"Length {len(self.body)}", "Arrows/WASD move  P pause  Q quit")
        gfx.frame(BOARD_ROW - 1, BOARD_COLUMN - 1, HEIGHT - 1, WIDTH, WALL_ATTRIBUTE, True)
        if self.food >= 0:
            gfx.put(BOARD_ROW + self.food // BOARD_WIDTH, BOARD_COLUMN + self.food % BOARD_WIDTH,
                    FOOD, FOOD_ATTRIBUTE)
        for cell in self.body:
            gfx.put(BOARD_ROW + cell // BOARD_WIDTH, BOARD_COLUMN + cell % BOARD_WIDTH,
                    BODY, BODY_ATTRIBUTE)
        head = self.head()
        gfx.put(BOARD_ROW + head // BOARD_WIDTH, BOARD_COLUMN + head % BOARD_WIDTH,
                HEAD, HEAD_ATTRIBUTE)
        self.render_paused(gfx)
        if self.state == OVER:
            gfx.message_box(f"GAME OVER: score {self.score}",
                            "Space to play again, Q to quit", BOX_ATTRIBUTE)


def new(seed: u64) -> Snake:
    """A new game whose food follows ``seed``."""
    return Snake(seed)

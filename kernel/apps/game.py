"""What the games share: their keys and the interface the shell drives.

A game is a pure state machine.  It never reads the keyboard, a clock or
the screen itself; whoever runs it (a test, an in-kernel demo, and later
a shell task on the executor) feeds it keys, tells it when a tick of its
clock has passed, and asks it to draw::

    game = snake.new(seed)
    while not game.finished:
        wait game.interval_ms()          # a timer future, once the executor exists
        for key in keys_since_last_tick:
            game.press(key)
        game.tick()
        game.render(gfx)
        gfx.present(screen)

``step(key)`` is ``press`` then ``tick``: one key (or ``KEY_NONE``) per
tick, which is how the tests script a game.  Because nothing else goes
in, a seed and a key sequence replay a game exactly.

What every game does alike lives in ``Game``, so each game's module holds
only its own rules and picture: the states (``READY`` before the first
move, ``RUNNING``, ``PAUSED``, ``OVER``), the keys that mean the same in
every game (Q and Esc quit, P pauses and resumes: ``press_common``), the
score and the session's best (a ``SessionRecord`` per kind of game, so
a new game of snake starts from snake's best), the random numbers
(xorshift64 from the seed), and the top row and the pause box that both
pictures show.

Keys are this module's small codes, not scancodes or characters, so that
the PS/2 keyboard (``from_scancode``) and the serial console
(``from_char``, after the shell's ANSI decoder has turned escape
sequences into arrows) drive a game alike.
"""

from typing import Final

from kernel.apps.textgfx import WIDTH, TextGfx
from kernel.drivers import scancode
from kernel.xorshift import xorshift64
from pythos.lang import u8, u64

KEY_NONE: Final = u8(0)
KEY_UP: Final = u8(1)
KEY_DOWN: Final = u8(2)
KEY_LEFT: Final = u8(3)
KEY_RIGHT: Final = u8(4)
# Space: flap, and start again after a game is over.
KEY_ACTION: Final = u8(5)
KEY_PAUSE: Final = u8(6)
KEY_QUIT: Final = u8(7)
# Enter: start again after a game is over.
KEY_ENTER: Final = u8(8)
# Any other key (games ignore it).
KEY_OTHER: Final = u8(9)
KEY_COUNT: Final = 10

# A game's states.  Snake starts RUNNING; flappy bird waits READY for the
# first flap.
READY: Final = 0
RUNNING: Final = 1
PAUSED: Final = 2
OVER: Final = 3

# The top row's colours and the message boxes'.
TEXT_ATTRIBUTE: Final = u8(0x07)
TITLE_ATTRIBUTE: Final = u8(0x0F)
BOX_ATTRIBUTE: Final = u8(0x1F)


def from_char(char: u8) -> u8:
    """The game key for a character typed on a console (WASD, P, Q, Esc,
    space, Enter); ``KEY_OTHER`` for the rest."""
    lower = char | 0x20 if 0x41 <= char <= 0x5A else char
    if lower == 0x77:  # w
        return KEY_UP
    if lower == 0x73:  # s
        return KEY_DOWN
    if lower == 0x61:  # a
        return KEY_LEFT
    if lower == 0x64:  # d
        return KEY_RIGHT
    if lower == 0x70:  # p
        return KEY_PAUSE
    if lower == 0x71 or char == 0x1B:  # q, Esc
        return KEY_QUIT
    if char == 0x20:
        return KEY_ACTION
    if char == 0x0D or char == 0x0A:
        return KEY_ENTER
    return KEY_OTHER


def from_scancode(key: u8, char: u8) -> u8:
    """The game key for a pressed PS/2 key: its key code (``scancode``'s
    ``KEY_*``) and the character it typed (0 for none)."""
    if key == scancode.KEY_UP:
        return KEY_UP
    if key == scancode.KEY_DOWN:
        return KEY_DOWN
    if key == scancode.KEY_LEFT:
        return KEY_LEFT
    if key == scancode.KEY_RIGHT:
        return KEY_RIGHT
    if key == scancode.KEY_ESCAPE:
        return KEY_QUIT
    if key == scancode.KEY_KEYPAD_ENTER:
        return KEY_ENTER
    if char != 0:
        return from_char(char)
    return KEY_OTHER


class SessionRecord:
    """The best score of one kind of game since boot."""

    def __init__(self) -> None:
        self.best = 0


class Game:
    """The interface both games offer; the shell runs either through it."""

    rng: u64
    state: int

    def __init__(self, seed: u64, default_seed: u64, record: SessionRecord) -> None:
        # True once the player quit: the runner stops and restores the screen.
        self.finished = False
        self.score = 0
        self.record = record
        self.high_score = record.best
        self.state = RUNNING
        # Seed 0 would make xorshift64 give 0 for ever.
        self.rng = seed if seed != 0 else default_seed

    def press(self, key: u8) -> None:
        """A key arrived (takes effect at the next tick)."""

    def tick(self) -> None:
        """One tick of the game's clock passed."""

    def interval_ms(self) -> int:
        """Milliseconds from this tick to the next."""
        return 100

    def render(self, gfx: TextGfx) -> None:
        """Draw the whole picture into ``gfx``'s back buffer."""

    def step(self, key: u8) -> None:
        """``press(key)`` (unless it is ``KEY_NONE``), then ``tick()``."""
        if key != KEY_NONE:
            self.press(key)
        self.tick()

    # -- what the games share ---------------------------------------------

    def press_common(self, key: u8) -> bool:
        """Quit (Q, Esc) and pause (P) alike in every game; whether ``key``
        was one of those (the game's own ``press`` handles the rest)."""
        if key == KEY_QUIT:
            self.finished = True
            return True
        if key == KEY_PAUSE:
            if self.state == RUNNING:
                self.state = PAUSED
            elif self.state == PAUSED:
                self.state = RUNNING
            return True
        return False

    def random(self) -> u64:
        """The next number of the game's xorshift64 sequence."""
        self.rng = xorshift64(self.rng)
        return self.rng

    def note_score(self) -> None:
        """Keep the game's and the session's high scores up to date."""
        if self.score > self.high_score:
            self.high_score = self.score
        if self.score > self.record.best:
            self.record.best = self.score

    def render_top_row(self, gfx: TextGfx, title: str, status: str, help: str) -> None:
        """Row 0: the title, the score line, and the keys at the right."""
        column = gfx.text(0, 1, title, TITLE_ATTRIBUTE)
        gfx.text(0, column + 2, status, TEXT_ATTRIBUTE)
        gfx.text(0, WIDTH - 1 - len(help), help, TEXT_ATTRIBUTE)

    def render_paused(self, gfx: TextGfx) -> None:
        """The pause box, when the game is paused."""
        if self.state == PAUSED:
            gfx.message_box("PAUSED", "P to go on, Q to quit", BOX_ATTRIBUTE)

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

Keys are this module's small codes, not scancodes or characters, so that
the PS/2 keyboard (``from_scancode``) and the serial console
(``from_char``, after the shell's ANSI decoder has turned escape
sequences into arrows) drive a game alike.
"""

from typing import Final

from kernel.apps.textgfx import TextGfx
from kernel.drivers import scancode
from pythos.lang import u8

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


class Game:
    """The interface both games offer; the shell runs either through it."""

    def __init__(self) -> None:
        # True once the player quit: the runner stops and restores the screen.
        self.finished = False
        self.score = 0
        self.high_score = 0

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

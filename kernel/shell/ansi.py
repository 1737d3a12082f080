"""ANSI terminals: colours, and the editor's actions as escape sequences.

**Colours.**  The shell names the 16 VGA text colours (``COLOR_NAMES``,
in VGA order: ``color 14 1`` and ``color yellow blue`` are the same), and
a serial terminal gets them through SGR ("select graphic rendition")
sequences, ``ESC [ 30-37 m`` for the foreground and ``40-47`` for the
background, 90-97 and 100-107 for the bright half.  The two palettes
number their colours differently::

    bit       2     1      0            bright
    VGA       red   green  blue         bit 3   (1 = blue, 4 = red)
    ANSI      blue  green  red          +60     (1 = red, 4 = blue)

so a VGA number becomes an ANSI one by swapping bits 0 and 2
(``ansi_index``).  VGA's "brown" (6) is ANSI's dark yellow, which is
what terminals show for it anyway.

**The editor's actions** (``editor.py``) say where the cursor goes in
cells counted from the start of the prompt; ``AnsiRenderer`` knows the
terminal's width and turns them into bytes.  A line longer than the
screen wraps, so a move left may cross rows: the renderer moves up the
right number of rows (``ESC [ n A``) and then to the absolute column
(``ESC [ n G``), which works the same whatever the terminal did at the
wrap.  One terminal quirk needs care: after writing into the last column
the cursor stays there ("pending wrap") until the next character, so the
renderer sends CR LF itself when a write ends exactly at the right edge,
and its idea of the cursor row stays true.  The prompt is assumed to
start at column 0, which the shell makes sure of.
"""

from typing import Final

from kernel.shell import editor
from kernel.shell.editor import Action

ESC: Final = "\x1b"
RESET: Final = "\x1b[0m"

COLOR_NAMES: Final = [
    "black", "blue", "green", "cyan", "red", "magenta", "brown", "lightgray",
    "darkgray", "lightblue", "lightgreen", "lightcyan", "lightred", "pink", "yellow", "white",
]


def color_number(name: str) -> int:
    """The VGA colour number of ``name`` (a colour name or 0-15); -1 if none."""
    lowered = name.lower()
    for i in range(len(COLOR_NAMES)):
        if COLOR_NAMES[i] == lowered:
            return i
    if name.isdigit() and len(name) <= 2:
        number = int(name)
        if number < 16:
            return number
    return -1


def ansi_index(color: int) -> int:
    """The ANSI colour (0-7) of VGA colour ``color`` without its bright bit."""
    return ((color & 1) << 2) | (color & 2) | ((color & 4) >> 2)


def sgr(foreground: int, background: int) -> str:
    """The SGR sequence that selects VGA colours ``foreground`` on ``background``."""
    fg = (90 if foreground & 8 else 30) + ansi_index(foreground)
    bg = (100 if background & 8 else 40) + ansi_index(background)
    return f"{ESC}[{fg};{bg}m"


def vga_attribute(foreground: int, background: int) -> int:
    """The VGA attribute byte for the same pair (background in the high nibble)."""
    return ((background & 15) << 4) | (foreground & 15)


class ColorChoice:
    """What ``color FG [BG]`` asked for: the two colours, or an error."""

    def __init__(self, foreground: int, background: int, error: str) -> None:
        self.foreground = foreground
        self.background = background
        self.error = error


def parse_colors(words: list[str], background: int) -> ColorChoice:
    """Read ``FG [BG]``; ``background`` is kept when BG is not given."""
    if len(words) < 1 or len(words) > 2:
        return ColorChoice(-1, -1, "give a foreground colour and maybe a background")
    foreground = color_number(words[0])
    if foreground < 0:
        return ColorChoice(-1, -1, f"unknown colour: {words[0]}")
    if len(words) == 2:
        background = color_number(words[1])
        if background < 0:
            return ColorChoice(-1, -1, f"unknown colour: {words[1]}")
    return ColorChoice(foreground, background, "")


class AnsiRenderer:
    """Editor actions in, bytes for a terminal ``width`` columns wide out."""

    def __init__(self, width: int = 80) -> None:
        self.width = width
        # The cursor, in cells from the start of the current logical line.
        self.cell = 0

    def move(self, target: int) -> str:
        """The sequence from ``self.cell`` to cell ``target``."""
        if target == self.cell:
            return ""
        rows = target // self.width - self.cell // self.width
        out = ""
        if rows < 0:
            out += f"{ESC}[{-rows}A"
        elif rows > 0:
            out += f"{ESC}[{rows}B"
        out += f"{ESC}[{target % self.width + 1}G"
        self.cell = target
        return out

    def render(self, actions: list[Action]) -> str:
        out = ""
        for action in actions:
            if action.kind == editor.WRITE:
                out += action.text
                self.cell += len(action.text)
                if self.cell % self.width == 0:
                    out += "\r\n"
            elif action.kind == editor.LEFT:
                out += self.move(self.cell - action.count)
            elif action.kind == editor.RIGHT:
                out += self.move(self.cell + action.count)
            elif action.kind == editor.NEWLINE:
                if self.cell == 0 or self.cell % self.width != 0:
                    out += "\r\n"
                self.cell = 0
            elif action.kind == editor.CLEAR:
                out += f"{ESC}[H{ESC}[2J"
                self.cell = 0
            elif action.kind == editor.BELL:
                out += "\x07"
        return out

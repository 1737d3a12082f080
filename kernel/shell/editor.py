"""The shell's line editor: key events in, a line and screen actions out.

This is the editor of the interactive shell (``pythos>``), in the manner
of bash's readline: the cursor moves within the line, text is inserted and
deleted anywhere, earlier lines come back with Up, and Tab completes.
It is a pure state machine.  ``feed`` takes one key event
(``kernel/shell/keys.py``) and returns what happened (still editing, a
line is ready, Ctrl-C, a line refused); what the screen must do to show
the change is queued in ``actions``, a short list of abstract steps::

    WRITE text    draw text at the cursor, which moves past it
    LEFT n        move the cursor n cells back
    RIGHT n       move the cursor n cells on, over cells already drawn
    NEWLINE       go to the start of the next line
    CLEAR         clear the screen, cursor to the top left
    BELL          beep, or flash: the key was refused

The editor never prints.  A renderer turns actions into ANSI escape
sequences for a serial terminal (``kernel/shell/ansi.py``) or carries
them out on the VGA text screen (``kernel/shell/textrender.py``), so both
consoles edit alike, and the host tests replay
the actions on a model screen.  Cells are counted from the start of the
prompt, one per character (the editor inserts only printable characters);
the renderer knows the screen's width and folds long lines.

**How a change is drawn.**  Every edit is "the line from index ``start``
on is different now": the editor moves the cursor to ``start``, writes
the new tail, blanks the cells the old tail covered beyond it, and moves
back to the new cursor (``redraw``).  Typing at the end of the line is
then one WRITE of one character; typing in the middle rewrites the rest
of the line, as readline does on a dumb terminal.  That one rule draws
every edit, so what the screen shows cannot drift from the buffer: the
Hypothesis test in tests/kernel/test_shell_editor.py checks exactly that
after random keys.

The keys::

    Left, Ctrl-B / Right, Ctrl-F    one character
    Ctrl+Left / Ctrl+Right          one word
    Home, Ctrl-A / End, Ctrl-E      start / end of the line
    Backspace (BS or DEL)           delete before the cursor
    Delete                          delete under the cursor
    Ctrl-U / Ctrl-K                 delete to the start / to the end
    Ctrl-W                          delete the word before the cursor
    Ctrl-L                          clear the screen, redraw the line
    Ctrl-C                          abandon the line (``^C``)
    Up, Ctrl-P / Down, Ctrl-N       older / newer history entries
    Tab                             complete the word at the cursor
    Enter (CR or LF)                the line is ready

**History.**  The last ``HISTORY_LIMIT`` lines are kept, oldest first,
without empty lines and without repeating the line just before.  While
browsing with Up and Down, an entry can be edited; the edit is kept (in
``edits``) while browsing, including the new line being typed when Up was
first pressed, and thrown away when a line is entered, as bash does, so
the history itself never changes except at its end.

**Completion.**  The completer is a function from the line up to the
cursor to the candidates for the word being typed there (the command
registry's ``complete``).  One candidate: the word becomes it, followed
by a space.  Several: the word grows to their longest common prefix; if
that adds nothing, a second Tab in a row lists them under the line and
draws the prompt and line again.

**The length limit.**  A line holds at most ``limit`` characters
(``LINE_LIMIT`` unless given).  A character that does not fit is not
inserted and rings the BELL, so nothing already typed is disturbed; the
editor counts the refused characters, and Enter on such a line refuses the
whole line with a message rather than run a command cut short
(``REFUSED``).  A 10,000-character paste therefore costs one line of
memory and one message, and the shell goes on.

The console's *other* editor, ``kernel/proc/line_editor.py``, is the
canonical-mode line discipline that user processes read through
``read(0)``: a fixed 256-byte buffer in a struct, append and erase at the
end only, echo by ``\\b \\b``, and no history or completion, since a
program's input should be what a Unix terminal gives it.  This one is the
kernel shell's own, on the heap, and draws through actions.  Both take the
same input events.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from kernel.shell import keys
from pythos.lang import u32

# Action kinds (see the module docstring).
WRITE: Final = 0
LEFT: Final = 1
RIGHT: Final = 2
NEWLINE: Final = 3
CLEAR: Final = 4
BELL: Final = 5

# What ``feed`` returns.
EDITING: Final = 0  # the line is still being edited
LINE: Final = 1  # Enter: ``line()`` is ready
CANCELLED: Final = 2  # Ctrl-C: the line was abandoned
REFUSED: Final = 3  # Enter on a line that was too long: nothing to run

HISTORY_LIMIT: Final = 100
LINE_LIMIT: Final = 1000
# Candidates listed per row by a second Tab, at most.
LIST_WIDTH: Final = 72


@dataclass
class Action:
    """One step for the screen: ``kind``, with ``text`` for WRITE and
    ``count`` for LEFT and RIGHT."""

    kind: int
    text: str
    count: int


def common_prefix(words: list[str]) -> str:
    """The longest string every word starts with."""
    if len(words) == 0:
        return ""
    prefix = words[0]
    for word in words:
        n = 0
        while n < len(prefix) and n < len(word) and prefix[n] == word[n]:
            n += 1
        prefix = prefix[:n]
    return prefix


def is_space(c: str) -> bool:
    return c == " " or c == "\t"


class Editor:
    """A line being edited, its history and its completer."""

    def __init__(self, prompt: str, limit: int = LINE_LIMIT) -> None:
        self.prompt = prompt
        self.limit = limit
        # The line, one character per element, and the cursor in it (0 to len).
        self.buffer: list[str] = []
        self.cursor = 0
        # Steps for the screen since the caller last took them.
        self.actions: list[Action] = []
        self.history: list[str] = []
        # Which history entry is shown: len(history) is the new line.
        self.browsing = 0
        # Entries edited while browsing, by position, until Enter.
        self.edits: dict[int, str] = {}
        self.completer: Callable[[str], list[str]] | None = None
        # Whether the last key was a Tab that could not complete further.
        self.tab_pending = False
        # Characters refused because the line was full.
        self.refused = 0
        # The line Enter finished, for ``line()``.
        self.finished = ""
        # Where the cursor was when ``suspend`` stepped off the line.
        self.resume_at = 0

    # -- output --------------------------------------------------------

    def emit(self, kind: int, text: str = "", count: int = 0) -> None:
        if (kind == LEFT or kind == RIGHT) and count == 0:  # noqa: SIM109
            return
        if kind == WRITE and text == "":
            return
        self.actions.append(Action(kind, text, count))

    def take_actions(self) -> list[Action]:
        """The actions queued since the last call, which empties the queue."""
        taken = self.actions
        self.actions = []
        return taken

    def start(self) -> None:
        """Begin a new line: draw the prompt."""
        self.buffer = []
        self.cursor = 0
        self.refused = 0
        self.tab_pending = False
        self.browsing = len(self.history)
        self.edits = {}
        self.emit(WRITE, self.prompt)

    def text(self) -> str:
        """The line as it is now."""
        return "".join(self.buffer)

    def line(self) -> str:
        """The line the last Enter finished."""
        return self.finished

    def move_to(self, position: int) -> None:
        if position < self.cursor:
            self.emit(LEFT, "", self.cursor - position)
        else:
            self.emit(RIGHT, "", position - self.cursor)
        self.cursor = position

    def redraw(self, start: int, old_length: int, cursor: int) -> None:
        """Show the buffer, changed from index ``start`` on (it had
        ``old_length`` characters), with the cursor at ``cursor``.  The
        screen cursor is at ``self.cursor`` on entry."""
        self.move_to(start)
        tail = "".join(self.buffer[start:])
        blanks = old_length - len(self.buffer)
        if blanks > 0:
            tail += " " * blanks
        self.emit(WRITE, tail)
        self.cursor = start + len(tail)
        self.move_to(cursor)

    def replace(self, text: str) -> None:
        """Make the whole line ``text``, cursor at its end."""
        old_length = len(self.buffer)
        self.buffer = list(text)
        self.redraw(0, old_length, len(self.buffer))

    def redraw_prompt(self, cursor: int) -> None:
        """Draw the prompt and the line afresh from the start of a screen
        line, then put the cursor at ``cursor``."""
        self.emit(WRITE, self.prompt + self.text())
        self.cursor = len(self.buffer)
        self.move_to(cursor)

    def suspend(self) -> None:
        """Step off the line for other output (a report, a log line): the
        cursor goes past the line's end and onto a new screen line.  The
        line is kept; ``resume`` draws it again below that output, and
        ``start`` abandons it."""
        self.resume_at = self.cursor
        self.move_to(len(self.buffer))
        self.emit(NEWLINE)

    def resume(self) -> None:
        """Draw the prompt and the line again, from the start of a screen
        line, with the cursor where it was."""
        self.redraw_prompt(self.resume_at)

    # -- editing -------------------------------------------------------

    def insert(self, text: str) -> None:
        """Insert ``text`` at the cursor, as much as fits."""
        room = self.limit - len(self.buffer)
        if len(text) > room:
            self.refused += len(text) - room
            text = text[:room]
            self.emit(BELL)
        if text == "":
            return
        start = self.cursor
        old_length = len(self.buffer)
        self.buffer[start:start] = list(text)
        if start == old_length:  # typing at the end: just the new text
            self.emit(WRITE, text)
            self.cursor = start + len(text)
        else:
            self.redraw(start, old_length, start + len(text))

    def delete(self, start: int, end: int) -> None:
        """Delete the characters from ``start`` to ``end``; cursor at ``start``."""
        if start >= end:
            return
        old_length = len(self.buffer)
        del self.buffer[start:end]
        if len(self.buffer) == 0:
            self.refused = 0  # an emptied line starts afresh
        self.redraw(start, old_length, start)

    def word_start(self) -> int:
        """Where the word before the cursor begins (spaces before it skipped)."""
        i = self.cursor
        while i > 0 and is_space(self.buffer[i - 1]):
            i -= 1
        while i > 0 and not is_space(self.buffer[i - 1]):
            i -= 1
        return i

    def word_end(self) -> int:
        """Where the word after the cursor ends (spaces before it skipped)."""
        i = self.cursor
        n = len(self.buffer)
        while i < n and is_space(self.buffer[i]):
            i += 1
        while i < n and not is_space(self.buffer[i]):
            i += 1
        return i

    # -- history -------------------------------------------------------

    def show_history(self, position: int) -> None:
        """Keep the line being left in ``edits``, then show entry ``position``."""
        if position < 0 or position > len(self.history):
            self.emit(BELL)
            return
        self.edits[self.browsing] = self.text()
        self.browsing = position
        if position in self.edits:
            text = self.edits[position]
        else:
            text = self.history[position]
        self.replace(text)

    def remember(self, line: str) -> None:
        """Add an entered line to the history."""
        if line == "":
            return
        if len(self.history) > 0 and self.history[-1] == line:
            return
        self.history.append(line)
        if len(self.history) > HISTORY_LIMIT:
            del self.history[0]

    # -- completion ----------------------------------------------------

    def complete(self) -> None:
        completer = self.completer
        if completer is None:
            self.emit(BELL)
            return
        # The word being completed is from the last blank before the cursor.
        start = self.cursor
        while start > 0 and not is_space(self.buffer[start - 1]):
            start -= 1
        word = "".join(self.buffer[start:self.cursor])
        candidates = completer("".join(self.buffer[:self.cursor]))
        if len(candidates) == 0:
            self.emit(BELL)
            return
        if len(candidates) == 1:
            self.complete_word(start, candidates[0] + " ")
            return
        prefix = common_prefix(candidates)
        if len(prefix) > len(word) and prefix.startswith(word):
            self.complete_word(start, prefix)
            return
        if not self.tab_pending:
            self.tab_pending = True
            self.emit(BELL)
            return
        self.list_candidates(candidates)

    def complete_word(self, start: int, replacement: str) -> None:
        """Replace the word from ``start`` to the cursor by ``replacement``."""
        end = self.cursor
        if "".join(self.buffer[start:end]) == replacement:
            return
        if len(self.buffer) - (end - start) + len(replacement) > self.limit:
            self.emit(BELL)
            return
        old_length = len(self.buffer)
        self.buffer[start:end] = list(replacement)
        self.redraw(start, old_length, start + len(replacement))

    def list_candidates(self, candidates: list[str]) -> None:
        """Show the candidates below the line, then the prompt and line again."""
        cursor = self.cursor
        self.move_to(len(self.buffer))
        self.emit(NEWLINE)
        row = ""
        for candidate in candidates:
            if row != "" and len(row) + 2 + len(candidate) > LIST_WIDTH:
                self.emit(WRITE, row)
                self.emit(NEWLINE)
                row = ""
            if row != "":
                row += "  "
            row += candidate
        self.emit(WRITE, row)
        self.emit(NEWLINE)
        self.redraw_prompt(cursor)

    # -- the keys ------------------------------------------------------

    def feed(self, event: u32) -> int:
        """Apply one key event; EDITING, LINE, CANCELLED or REFUSED."""
        if event == keys.TAB:
            self.complete()
            return EDITING
        self.tab_pending = False
        if keys.is_key(event):
            self.feed_key(event)
            return EDITING
        if event == keys.CARRIAGE_RETURN or event == keys.LINE_FEED:
            return self.enter()
        if event == keys.CTRL_C:
            self.move_to(len(self.buffer))
            self.emit(WRITE, "^C")
            self.emit(NEWLINE)
            self.finished = ""
            return CANCELLED
        if keys.is_printable(event):
            self.insert(chr(int(event)))
        elif event == keys.BACKSPACE or event == keys.DELETE_CHAR:
            if self.cursor > 0:
                self.delete(self.cursor - 1, self.cursor)
        elif event == keys.CTRL_A:
            self.move_to(0)
        elif event == keys.CTRL_E:
            self.move_to(len(self.buffer))
        elif event == keys.CTRL_B:
            self.move_to(max(self.cursor - 1, 0))
        elif event == keys.CTRL_F:
            self.move_to(min(self.cursor + 1, len(self.buffer)))
        elif event == keys.CTRL_U:
            self.delete(0, self.cursor)
        elif event == keys.CTRL_K:
            self.delete(self.cursor, len(self.buffer))
        elif event == keys.CTRL_W:
            self.delete(self.word_start(), self.cursor)
        elif event == keys.CTRL_L:
            self.emit(CLEAR)
            self.redraw_prompt(self.cursor)
        elif event == keys.CTRL_P:
            self.show_history(self.browsing - 1)
        elif event == keys.CTRL_N:
            self.show_history(self.browsing + 1)
        # Other control characters do nothing, as in readline.
        return EDITING

    def feed_key(self, event: u32) -> None:
        code = keys.key_code(event)
        ctrl = (keys.modifiers(event) & keys.CTRL) != 0
        if code == keys.LEFT:
            self.move_to(self.word_start() if ctrl else max(self.cursor - 1, 0))
        elif code == keys.RIGHT:
            self.move_to(self.word_end() if ctrl else min(self.cursor + 1, len(self.buffer)))
        elif code == keys.HOME:
            self.move_to(0)
        elif code == keys.END:
            self.move_to(len(self.buffer))
        elif code == keys.DELETE:
            if self.cursor < len(self.buffer):
                self.delete(self.cursor, self.cursor + 1)
        elif code == keys.UP:
            self.show_history(self.browsing - 1)
        elif code == keys.DOWN:
            self.show_history(self.browsing + 1)

    def enter(self) -> int:
        """Finish the line: LINE, or REFUSED if characters were refused."""
        self.move_to(len(self.buffer))
        self.emit(NEWLINE)
        if self.refused > 0:
            self.emit(WRITE, f"line too long: {len(self.buffer) + self.refused} characters,"
                             f" the limit is {self.limit}; nothing was run")
            self.emit(NEWLINE)
            self.finished = ""
            return REFUSED
        self.finished = self.text()
        self.remember(self.finished)
        return LINE

"""The shell's line editor (kernel/shell/editor.py) under CPython.

Three checks hold it together:

* a plain Python model (a string and a cursor, history by position) says
  what the line must be after any sequence of keys;
* a model screen replays the editor's actions and must show the prompt
  and the line, with the cursor where the editor says it is;
* a small xterm emulator (with its wrap rules) replays the ANSI
  renderer's bytes at a narrow width, so long lines cross rows, and must
  show the same.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kernel.drivers import scancode as sc
from kernel.shell import editor, keys
from kernel.shell.ansi import AnsiRenderer
from kernel.shell.editor import Editor
from pythos.lang import u32

PROMPT = "pythos> "
BS, DEL, TAB, CR, LF = 0x08, 0x7F, 0x09, 0x0D, 0x0A
CTRL = {c: ord(c) - 0x40 for c in "ABCEFKLNPUW"}
UP, DOWN, LEFT, RIGHT = (int(keys.key(k))
                         for k in (sc.KEY_UP, sc.KEY_DOWN, sc.KEY_LEFT, sc.KEY_RIGHT))
HOME, END, DELETE = (int(keys.key(k)) for k in (sc.KEY_HOME, sc.KEY_END, sc.KEY_DELETE))
WORD_LEFT = int(keys.key(sc.KEY_LEFT, keys.CTRL))
WORD_RIGHT = int(keys.key(sc.KEY_RIGHT, keys.CTRL))


class Screen:
    """The editor's actions replayed on rows of cells."""

    def __init__(self) -> None:
        self.rows: list[list[str]] = [[]]
        self.column = 0
        self.bells = 0

    def apply(self, actions: list[editor.Action]) -> None:
        for action in actions:
            row = self.rows[-1]
            if action.kind == editor.WRITE:
                for ch in action.text:
                    while len(row) <= self.column:
                        row.append(" ")
                    row[self.column] = ch
                    self.column += 1
            elif action.kind == editor.LEFT:
                assert 0 < action.count <= self.column
                self.column -= action.count
            elif action.kind == editor.RIGHT:
                assert action.count > 0 and self.column + action.count <= len(row)
                self.column += action.count
            elif action.kind == editor.NEWLINE:
                self.rows.append([])
                self.column = 0
            elif action.kind == editor.CLEAR:
                self.rows = [[]]
                self.column = 0
            else:
                assert action.kind == editor.BELL
                self.bells += 1

    def line(self) -> str:
        return "".join(self.rows[-1])


def started(limit: int = editor.LINE_LIMIT, words: list[str] | None = None):
    shell = Editor(PROMPT, limit)
    if words is not None:
        shell.completer = lambda before: [w for w in words if w.startswith(before.split(" ")[-1])]
    screen = Screen()
    shell.start()
    screen.apply(shell.take_actions())
    return shell, screen


def feed(shell: Editor, screen: Screen, events) -> list[int]:
    statuses = []
    for event in events:
        if isinstance(event, str):
            for ch in event:
                statuses.append(shell.feed(u32(ord(ch))))
                screen.apply(shell.take_actions())
        else:
            statuses.append(shell.feed(u32(event)))
            screen.apply(shell.take_actions())
    return statuses


def assert_shows(shell: Editor, screen: Screen) -> None:
    """The screen's last row is the prompt and the line (then blanks only),
    and the cursor is where the editor says."""
    expected = PROMPT + shell.text()
    shown = screen.line()
    assert shown[:len(expected)] == expected
    assert shown[len(expected):].strip(" ") == ""
    assert screen.column == len(PROMPT) + shell.cursor


def test_typing_moving_and_deleting_in_the_middle():
    shell, screen = started()
    feed(shell, screen, ["helo", LEFT, "l", END, " world", HOME, DELETE, "H", CTRL["E"], BS])
    assert shell.text() == "Hello worl" and shell.cursor == 10
    feed(shell, screen, [WORD_LEFT, CTRL["K"]])
    assert shell.text() == "Hello " and shell.cursor == 6
    feed(shell, screen, [CTRL["A"], WORD_RIGHT, CTRL["U"]])
    assert shell.text() == " " and shell.cursor == 0
    assert_shows(shell, screen)


def test_typing_at_the_end_writes_just_the_character():
    shell, _ = started()
    shell.feed(u32(ord("x")))
    actions = shell.take_actions()
    assert [(a.kind, a.text) for a in actions] == [(editor.WRITE, "x")]


def test_ctrl_w_deletes_the_word_before_the_cursor_and_the_blanks_after_it():
    shell, screen = started()
    feed(shell, screen, ["echo one two  ", CTRL["W"]])
    assert shell.text() == "echo one "
    feed(shell, screen, [CTRL["W"], CTRL["W"], CTRL["W"]])
    assert shell.text() == ""
    assert_shows(shell, screen)


def test_enter_gives_the_line_and_ctrl_c_abandons_it():
    shell, screen = started()
    assert feed(shell, screen, ["ls", CR])[-1] == editor.LINE
    assert shell.line() == "ls" and screen.rows[-2] == list(PROMPT + "ls")
    shell.start()
    assert feed(shell, screen, ["oops", LEFT, LEFT, 0x03])[-1] == editor.CANCELLED
    assert shell.line() == "" and "".join(screen.rows[-2]) == PROMPT + "oops^C"
    assert shell.history == ["ls"]


def test_ctrl_l_clears_the_screen_and_redraws_the_line():
    shell, screen = started()
    feed(shell, screen, ["abc", CR])
    shell.start()
    feed(shell, screen, ["xyz", LEFT, CTRL["L"]])
    assert len(screen.rows) == 1
    assert_shows(shell, screen)


def test_history_keeps_the_last_100_lines_without_empty_lines_or_repeats():
    shell, screen = started()
    for i in range(120):
        for line in [f"cmd {i}", "", f"cmd {i}"]:
            feed(shell, screen, [line, CR])
            shell.start()
    assert len(shell.history) == 100
    assert shell.history[0] == "cmd 20" and shell.history[-1] == "cmd 119"
    feed(shell, screen, [UP, UP])
    assert shell.text() == "cmd 118"
    feed(shell, screen, [UP] * 200)
    assert shell.text() == "cmd 20" and screen.bells == 102


def test_a_line_being_typed_is_kept_while_browsing_history_and_edits_last_until_enter():
    shell, screen = started()
    for line in ["first", "second"]:
        feed(shell, screen, [line, CR])
        shell.start()
    feed(shell, screen, ["draft", UP])
    assert shell.text() == "second"
    feed(shell, screen, [BS, BS, UP, DOWN])
    assert shell.text() == "seco", "an edited entry is kept while browsing"
    feed(shell, screen, [DOWN])
    assert shell.text() == "draft" and shell.cursor == 5
    feed(shell, screen, [UP, UP, "!", CR])
    assert shell.line() == "first!"
    assert shell.history == ["first", "second", "first!"], "the history itself is unchanged"
    shell.start()
    feed(shell, screen, [UP, UP])
    assert shell.text() == "second", "edits are forgotten after Enter"
    assert_shows(shell, screen)


def test_tab_completes_one_candidate_a_common_prefix_then_lists():
    shell, screen = started(words=["help", "halt", "hello", "echo"])
    feed(shell, screen, ["e", TAB])
    assert shell.text() == "echo "
    feed(shell, screen, [CTRL["U"], "h", TAB])
    assert shell.text() == "h" and screen.bells == 1, "no common prefix longer than h"
    rows = len(screen.rows)
    feed(shell, screen, [TAB])
    assert len(screen.rows) == rows + 2
    assert screen.rows[-2] == list("help  halt  hello")
    feed(shell, screen, ["e", TAB])
    assert shell.text() == "hel"
    feed(shell, screen, ["lo", TAB])
    assert shell.text() == "hello "
    feed(shell, screen, [CTRL["U"], "x", TAB])
    assert shell.text() == "x" and screen.bells == 2
    assert_shows(shell, screen)


def test_a_second_tab_lists_and_keeps_the_cursor_in_the_middle_of_the_line():
    shell, screen = started(words=["help", "halt"])
    feed(shell, screen, [" tail", HOME, "h", TAB, TAB])
    assert shell.text() == "h tail" and shell.cursor == 1
    assert_shows(shell, screen)


def test_a_10000_character_line_is_refused_with_a_message_and_nothing_corrupted():
    shell, screen = started()
    assert feed(shell, screen, ["y" * 10000, CR])[-1] == editor.REFUSED
    assert shell.line() == ""
    assert "line too long: 10000 characters, the limit is 1000" in "".join(screen.rows[-2])
    assert screen.bells == 9000 and shell.history == []
    shell.start()
    assert feed(shell, screen, ["echo ok", CR])[-1] == editor.LINE
    assert shell.line() == "echo ok"


def test_emptying_a_line_that_overflowed_forgives_it():
    shell, screen = started(limit=5)
    feed(shell, screen, ["abcdefg", CTRL["U"], "ok", CR])
    assert shell.line() == "ok"


def test_the_limit_holds_for_completion_too():
    shell, screen = started(limit=6, words=["hello"])
    feed(shell, screen, ["12 h", TAB])
    assert shell.text() == "12 h" and screen.bells == 1


class Model:
    """What the line must be: the rules in their plainest form."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.text = ""
        self.cursor = 0
        self.history: list[str] = []
        self.position = 0
        self.edits: dict[int, str] = {}
        self.refused = 0

    def start(self) -> None:
        self.text, self.cursor, self.refused = "", 0, 0
        self.position, self.edits = len(self.history), {}

    def set(self, text: str, cursor: int) -> None:
        self.text, self.cursor = text, cursor
        if text == "":
            self.refused = 0

    def word_left(self) -> int:
        return len(re.sub(r"[^ \t]*[ \t]*$", "", self.text[:self.cursor]))

    def word_right(self) -> int:
        m = re.match(r"[ \t]*[^ \t]*", self.text[self.cursor:])
        return self.cursor + len(m.group(0))

    def browse(self, position: int) -> None:
        if 0 <= position <= len(self.history):
            self.edits[self.position] = self.text
            self.position = position
            entry = self.history[position] if position < len(self.history) else ""
            self.text = self.edits.get(position, entry)
            self.cursor = len(self.text)

    def feed(self, event) -> int:
        t, c = self.text, self.cursor
        if isinstance(event, str):
            room = self.limit - len(t)
            if room <= 0:
                self.refused += 1
            else:
                self.text, self.cursor = t[:c] + event + t[c:], c + 1
        elif event in (BS, DEL):
            if c > 0:
                self.set(t[:c - 1] + t[c:], c - 1)
        elif event == DELETE:
            if c < len(t):
                self.set(t[:c] + t[c + 1:], c)
        elif event in (LEFT, CTRL["B"]):
            self.cursor = max(c - 1, 0)
        elif event in (RIGHT, CTRL["F"]):
            self.cursor = min(c + 1, len(t))
        elif event in (HOME, CTRL["A"]):
            self.cursor = 0
        elif event in (END, CTRL["E"]):
            self.cursor = len(t)
        elif event == WORD_LEFT:
            self.cursor = self.word_left()
        elif event == WORD_RIGHT:
            self.cursor = self.word_right()
        elif event == CTRL["U"]:
            self.set(t[c:], 0)
        elif event == CTRL["K"]:
            self.set(t[:c], c)
        elif event == CTRL["W"]:
            start = self.word_left()
            self.set(t[:start] + t[c:], start)
        elif event in (UP, CTRL["P"]):
            self.browse(self.position - 1)
        elif event in (DOWN, CTRL["N"]):
            self.browse(self.position + 1)
        elif event == 0x03:
            return editor.CANCELLED
        elif event == CR:
            if self.refused:
                return editor.REFUSED
            if t and (not self.history or self.history[-1] != t):
                self.history = (self.history + [t])[-100:]
            return editor.LINE
        return editor.EDITING


EVENTS = st.one_of(
    st.sampled_from(list("ab é\t") + [" "] * 3),
    st.sampled_from([BS, DEL, DELETE, LEFT, RIGHT, HOME, END, WORD_LEFT, WORD_RIGHT, UP, DOWN,
                     CTRL["A"], CTRL["B"], CTRL["E"], CTRL["F"], CTRL["K"], CTRL["U"],
                     CTRL["W"], CTRL["L"], CTRL["P"], CTRL["N"], 0x03, CR, 0x00, 0x1F]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(EVENTS, max_size=120), st.integers(min_value=3, max_value=12))
def test_the_editor_agrees_with_the_model_and_the_screen_with_both(events, limit):
    shell, screen = started(limit)
    model = Model(limit)
    model.start()
    for event in events:
        if event == "\t":
            continue  # Tab completes, which the next test covers
        expected = model.feed(event)
        code = ord(event) if isinstance(event, str) else event
        status = shell.feed(u32(code))
        screen.apply(shell.take_actions())
        assert status == expected
        if status != editor.EDITING:
            shell.start()
            screen.apply(shell.take_actions())
            model.start()
        assert (shell.text(), shell.cursor) == (model.text, model.cursor)
        assert shell.history == model.history
        assert_shows(shell, screen)


@settings(max_examples=300, deadline=None)
@given(st.lists(EVENTS, max_size=80))
def test_completion_keeps_the_screen_true(events):
    shell, screen = started(40, ["help", "halt", "hello", "a", "ab", "abc", "é"])
    for event in events:
        code = ord(event) if isinstance(event, str) else event
        if shell.feed(u32(code)) != editor.EDITING:
            shell.start()
        screen.apply(shell.take_actions())
        assert len(shell.text()) <= 40
        assert_shows(shell, screen)


class Xterm:
    """Enough of a terminal to check the ANSI renderer: printable
    characters with xterm's pending wrap, CR, LF, CUU, CUD, CHA, ED, BEL."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.cells: dict[tuple[int, int], str] = {}
        self.row = self.column = 0
        self.pending = False

    def feed(self, data: str) -> None:
        i = 0
        while i < len(data):
            m = re.match(r"\x1b\[(\d*)([ABGHJ])", data[i:])
            if m:
                n = int(m.group(1) or 1)
                kind = m.group(2)
                if kind == "A":
                    self.row -= n
                    assert self.row >= 0
                elif kind == "B":
                    self.row += n
                elif kind == "G":
                    self.column = n - 1
                elif kind == "H":
                    self.row = self.column = 0
                else:
                    self.cells = {}
                self.pending = False
                i += len(m.group(0))
                continue
            ch = data[i]
            assert ch != "\x1b", f"unexpected sequence {data[i:i + 8]!r}"
            if ch == "\r":
                self.column, self.pending = 0, False
            elif ch == "\n":
                self.row, self.pending = self.row + 1, False
            elif ch != "\x07":
                if self.pending:
                    self.row, self.column, self.pending = self.row + 1, 0, False
                self.cells[self.row, self.column] = ch
                if self.column == self.width - 1:
                    self.pending = True
                else:
                    self.column += 1
            i += 1

    def text_from(self, row: int, length: int) -> str:
        return "".join(self.cells.get((row + k // self.width, k % self.width), " ")
                       for k in range(length))


@settings(max_examples=300, deadline=None)
@given(st.lists(EVENTS, max_size=100), st.integers(min_value=9, max_value=20))
def test_the_ansi_renderer_draws_long_lines_across_rows(events, width):
    shell = Editor(PROMPT, 60)
    shell.completer = lambda before: [w for w in ["help", "halt"]
                                      if w.startswith(before.split(" ")[-1])]
    renderer = AnsiRenderer(width)
    term = Xterm(width)
    shell.start()
    term.feed(renderer.render(shell.take_actions()))
    for event in events:
        code = ord(event) if isinstance(event, str) else event
        if shell.feed(u32(code)) != editor.EDITING:
            shell.start()
        term.feed(renderer.render(shell.take_actions()))
        at = len(PROMPT) + shell.cursor
        start_row = term.row - at // width
        expected = PROMPT + shell.text()
        assert term.column == at % width and not term.pending
        assert term.text_from(start_row, len(expected) + width).rstrip(" ") == expected.rstrip(" ")


def screen_text(screen, start: int, length: int) -> str:
    return "".join(chr(int(screen.cells[k]) & 0xFF) for k in range(start, start + length))


@settings(max_examples=200, deadline=None)
@given(st.lists(EVENTS, max_size=100), st.integers(min_value=0, max_value=24))
def test_the_text_screen_renderer_draws_the_line_on_vga_cells(events, first_row):
    """The same actions on a VGA TextScreen: the prompt starts on
    ``first_row``, so long lines cross rows and scroll at the bottom."""
    from kernel.drivers.textscreen import CELLS, WIDTH, TextScreen
    from kernel.shell import textrender

    screen = TextScreen()
    screen.reset(0x07)
    screen.row = first_row
    shell = Editor(PROMPT, 300)
    shell.start()
    textrender.render(screen, shell.take_actions())
    typed = [e if isinstance(e, int) else ord(e) for e in events]
    for code in typed + [ord("x")] * (len(typed) % 3) * 50:
        if shell.feed(u32(code)) != editor.EDITING:
            shell.start()
        textrender.render(screen, shell.take_actions())
        at = textrender.position(screen)
        start = at - len(PROMPT) - shell.cursor
        expected = (PROMPT + shell.text()).replace("é", "\x82")  # CP437's é
        if start < 0:  # the line's start has scrolled off the top
            expected = expected[-start:]
            start = 0
        shown = screen_text(screen, start, min(len(expected), CELLS - start))
        assert shown == expected[:CELLS - start]
        assert screen_text(screen, start + len(expected),
                           max(0, min(WIDTH, CELLS - start - len(expected)))).strip(" ") == ""


def test_the_text_screen_renderer_returns_to_a_pending_wrap_at_the_bottom_right():
    from kernel.drivers.textscreen import TextScreen
    from kernel.shell import textrender

    screen = TextScreen()
    screen.reset(0x07)
    screen.row = 24
    shell = Editor(PROMPT)
    shell.start()
    for event in [ord("a")] * 72 + [LEFT, END, ord("z")]:
        shell.feed(u32(event))
        textrender.render(screen, shell.take_actions())
    assert (screen.row, screen.column) == (24, 1)
    assert screen_text(screen, 23 * 80, 81) == PROMPT + "a" * 72 + "z"


def test_suspend_makes_room_for_other_output_and_resume_draws_the_line_again():
    shell, screen = started()
    feed(shell, screen, ["echo partial", LEFT, LEFT])
    shell.suspend()
    screen.apply(shell.take_actions())
    assert screen.line() == "" and screen.rows[-2] == list(PROMPT + "echo partial")
    screen.apply([editor.Action(editor.WRITE, "serial: 3 bytes dropped", 0),
                  editor.Action(editor.NEWLINE, "", 0)])
    shell.resume()
    screen.apply(shell.take_actions())
    assert shell.text() == "echo partial" and shell.cursor == 10
    assert_shows(shell, screen)
    feed(shell, screen, ["!"])
    assert shell.text() == "echo parti!al"
    assert_shows(shell, screen)

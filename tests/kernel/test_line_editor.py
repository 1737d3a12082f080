"""The console's line discipline (kernel/proc/line_editor.py), under CPython.

A plain Python model says what a line should hold after any sequence of
keys; a tiny terminal model replays the echo ("\\b" moves the cursor left,
a character overwrites its cell) and must show exactly that line.  So
echo and erase can never drift apart, for any mix of keys.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import kernel.proc.line_editor as le
from kernel.drivers import scancode as sc
from kernel.drivers.terminal import key_event
from kernel.proc.line_editor import LineEditor
from pythos.lang import Array, addr_of, u8, u32

BS, DEL, CTRL_U, CTRL_D, TAB, CR, LF = 0x08, 0x7F, 0x15, 0x04, 0x09, 0x0D, 0x0A
KEYS = [int(key_event(k)) for k in (sc.KEY_UP, sc.KEY_LEFT, sc.KEY_HOME, sc.KEY_DELETE)]


def typed(line: LineEditor, events) -> str:
    """Feed the events; return everything they echoed."""
    shown = []
    for event in events:
        le.feed(line, u32(event))
        shown += [chr(line.echo[i]) for i in range(line.echo_length)]
    return "".join(shown)


def text(line: LineEditor) -> bytes:
    return bytes(int(line.text[i]) for i in range(line.length))


def new_line() -> LineEditor:
    line = LineEditor()
    le.clear(line)
    return line


def test_characters_are_kept_as_utf8_and_echoed():
    line = new_line()
    assert typed(line, [ord(c) for c in "hé€😀"]) == "hé€😀"
    assert text(line) == "hé€😀".encode() and not line.finished
    assert typed(line, [CR]) == "\n"
    assert text(line) == "hé€😀\n".encode() and line.finished


def test_backspace_erases_one_character_with_all_its_bytes():
    line = new_line()
    assert typed(line, [ord("a"), ord("€"), BS, DEL, DEL, ord("b")]) == "a€\b \b\b \bb"
    assert text(line) == b"b"


def test_ctrl_u_erases_the_whole_line():
    line = new_line()
    assert typed(line, [ord(c) for c in "ls é"] + [CTRL_U]) == "ls é" + "\b \b" * 4
    assert text(line) == b""
    assert typed(line, [CTRL_U, ord("x"), LF]) == "x\n"
    assert text(line) == b"x\n"


def test_keys_and_control_characters_are_dropped_and_a_tab_shows_as_a_space():
    line = new_line()
    events = [ord("a"), *KEYS, 0x00, 0x07, 0x1B, 0x85, 0x9F, TAB, ord("b")]
    assert typed(line, events) == "a b"
    assert text(line) == b"a\tb"
    assert typed(line, [BS, BS]) == "\b \b" * 2  # the tab took one cell
    assert text(line) == b"a"


def test_ctrl_d_ends_the_line_without_a_newline_or_the_input_when_empty():
    line = new_line()
    typed(line, [ord("h"), ord("i"), CTRL_D])
    assert line.finished and text(line) == b"hi" and not le.end_of_input(line)
    le.clear(line)
    typed(line, [CTRL_D])
    assert le.end_of_input(line)


def test_a_full_line_goes_as_it_is_and_the_next_starts_with_what_did_not_fit():
    line = new_line()
    assert typed(line, [ord("x")] * 255) == "x" * 255
    assert not line.finished
    assert typed(line, [ord("€")]) == ""  # 255 + 3 bytes do not fit
    assert line.finished and text(line) == b"x" * 255 and le.text_length(line) == 255
    le.clear(line)
    assert "".join(chr(line.echo[i]) for i in range(line.echo_length)) == "€"
    assert text(line) == "€".encode() and not line.finished
    assert typed(line, [BS, ord("y")]) == "\b \by"  # the carried one is edited as typed


def test_enter_always_fits():
    line = new_line()
    typed(line, [ord("x")] * 252 + [ord("€")])
    assert line.length == 255 and not line.finished
    assert typed(line, [CR]) == "\n"
    assert line.length == 256 and text(line).endswith("€\n".encode())
    assert le.text_length(line) == 255


def test_a_finished_line_is_taken_in_pieces_then_cleared():
    line = new_line()
    typed(line, [ord(c) for c in "hello"] + [CR])
    buffer = Array[u8, 8]()
    assert le.take(line, addr_of(buffer), 2) == 2
    assert bytes(int(buffer[i]) for i in range(2)) == b"he"
    assert le.take(line, addr_of(buffer), 8) == 4
    assert bytes(int(buffer[i]) for i in range(4)) == b"llo\n"
    assert not line.finished and line.length == 0


def screen(echo: str) -> tuple[str, str]:
    """What a terminal shows after ``echo`` (BS moves left, the rest
    overwrites): the cells before the cursor, and those from it on."""
    cells: list[str] = []
    cursor = 0
    for c in echo:
        if c == "\b":
            cursor = max(cursor - 1, 0)
            continue
        if cursor == len(cells):
            cells.append(c)
        else:
            cells[cursor] = c
        cursor += 1
    return "".join(cells[:cursor]), "".join(cells[cursor:])


EDITING = st.one_of(
    st.sampled_from([BS, DEL, CTRL_U, TAB, 0x00, 0x1B, 0x85, *KEYS]),
    st.sampled_from([ord(c) for c in "aZ ~é€😀╔"]),
    st.integers(0x20, 0x10FFFF).filter(lambda c: not 0x7F <= c < 0xA0
                                       and not 0xD800 <= c < 0xE000),
)


@given(st.lists(EDITING, max_size=600))
def test_any_editing_reaches_the_reader_as_the_model_says_and_shows_on_screen(events):
    """Lines too long for the editor come in pieces; the reader gets the
    model's text whole, and the screen shows it once."""
    model: list[str] = []
    pieces: list[bytes] = []
    for event in events:
        if event in (BS, DEL):
            model = model[:-1]
        elif event == CTRL_U:
            model = []
        elif event == TAB or (event >= 0x20 and not 0x7F <= event < 0xA0
                              and event not in KEYS):
            c = chr(event)
            if len(("".join(model) + c).encode()) >= 256:
                pieces.append("".join(model).encode())
                model = []
            model.append(c)
    pieces.append(("".join(model) + "\n").encode())
    line = new_line()
    echo = ""
    got: list[bytes] = []
    for event in [*events, CR]:
        echo += typed(line, [event])
        if line.finished:
            got.append(text(line))
            le.clear(line)
            echo += "".join(chr(line.echo[i]) for i in range(line.echo_length))
    assert got == pieces
    assert echo.endswith("\n")
    before, after = screen(echo.removesuffix("\n"))
    assert before == b"".join(pieces).decode().removesuffix("\n").replace("\t", " ")
    assert after.strip(" ") == ""  # whatever was erased is blank

"""Host tests of the VGA console's logic (kernel/drivers/textscreen.py)."""

from __future__ import annotations

import pytest

from kernel.drivers import color as Color
from kernel.drivers.textscreen import (
    CELLS,
    HEIGHT,
    PLACEHOLDER,
    WIDTH,
    TextScreen,
    cell_attribute,
    cell_char,
    make_cell,
)
from pythos.lang import Array, addr_of, u8, u32, u64

GREY = int(Color.attribute(Color.LIGHT_GRAY, Color.BLACK))


def fresh() -> TextScreen:
    screen = TextScreen()
    screen.reset(u8(GREY))
    screen.clear_dirty()
    return screen


def text_row(screen: TextScreen, row: int) -> str:
    return "".join(chr(int(screen.char_at(u32(row), u32(col)))) for col in range(WIDTH))


def write(screen: TextScreen, data: bytes) -> None:
    buffer = Array[u8, 4096]()
    for i, b in enumerate(data):
        buffer[i] = u8(b)
    screen.write(addr_of(buffer), u64(len(data)))


def test_cell_encoding():
    cell = make_cell(u8(0x41), u8(0x1F))
    assert int(cell) == 0x1F41
    assert int(cell_char(cell)) == 0x41
    assert int(cell_attribute(cell)) == 0x1F


def test_colour_attribute():
    assert int(Color.attribute(Color.LIGHT_BLUE, Color.BLACK)) == 0x09
    assert int(Color.attribute(Color.WHITE, Color.RED)) == 0x4F
    assert int(Color.attribute(Color.YELLOW, Color.WHITE)) == 0xFE


def test_reset_blanks_every_cell_and_marks_all_dirty():
    screen = TextScreen()
    screen.reset(u8(0x1E))
    assert all(int(screen.cells[i]) == 0x1E20 for i in range(CELLS))
    assert (int(screen.row), int(screen.column)) == (0, 0)
    assert (int(screen.dirty_start), int(screen.dirty_end)) == (0, CELLS)


def test_printable_text_and_cursor():
    screen = fresh()
    screen.write_str("Hi!")
    assert text_row(screen, 0).rstrip() == "Hi!"
    assert int(screen.cursor_index()) == 3
    assert (int(screen.dirty_start), int(screen.dirty_end)) == (0, 3)


def test_colour_applies_to_new_text_only():
    screen = fresh()
    screen.write_str("a")
    screen.set_color(Color.LIGHT_BLUE, Color.BLACK)
    screen.write_str("b")
    assert int(screen.attribute_at(u32(0), u32(0))) == GREY
    assert int(screen.attribute_at(u32(0), u32(1))) == 0x09


def test_newline_and_carriage_return():
    screen = fresh()
    screen.write_str("abc\ndef\rX")
    assert text_row(screen, 0).rstrip() == "abc"
    assert text_row(screen, 1).rstrip() == "Xef"
    assert (int(screen.row), int(screen.column)) == (1, 1)


def test_full_line_then_newline_takes_one_row():
    screen = fresh()
    screen.write_str("x" * WIDTH)
    # The wrap is pending: the cursor shows on the last column.
    assert (int(screen.row), int(screen.column)) == (0, WIDTH)
    assert int(screen.cursor_index()) == WIDTH - 1
    screen.write_str("\ny")
    assert text_row(screen, 1).rstrip() == "y"


def test_long_line_wraps():
    screen = fresh()
    screen.write_str("x" * WIDTH + "yz")
    assert text_row(screen, 0) == "x" * WIDTH
    assert text_row(screen, 1).rstrip() == "yz"
    assert int(screen.cursor_index()) == WIDTH + 2


def test_a_wrapped_line_continues_indented():
    """With ``wrap_indent`` (the console's panic reports) the rest of a long
    line starts that many blank columns in, over whatever the row held."""
    screen = fresh()
    screen.write_str("old text on row one\n" * 3)
    screen.row = u32(0)
    screen.column = u32(0)
    screen.wrap_indent = u32(4)
    screen.write_str("x" * WIDTH + "yz" + "w" * (WIDTH - 6) + "v\nnext")
    assert text_row(screen, 0) == "x" * WIDTH
    assert text_row(screen, 1) == "    yz" + "w" * (WIDTH - 6)
    # The indent is blanked; the rest of the row is as before (as always).
    assert text_row(screen, 2).rstrip() == "    v" + "old text on row one"[5:]
    # A newline is not a wrap: the next line starts at column 0.
    assert text_row(screen, 3).rstrip() == "next"
    screen.write_str(" " * (WIDTH - 4) + "\tT")
    assert text_row(screen, 4).rstrip() == " " * 8 + "T"


def test_a_huge_wrap_indent_still_leaves_a_column():
    screen = fresh()
    screen.wrap_indent = u32(500)
    screen.write_str("x" * WIDTH + "yz")
    assert text_row(screen, 1) == " " * (WIDTH - 1) + "y"
    assert text_row(screen, 2) == " " * (WIDTH - 1) + "z"


def test_scrolls_at_the_bottom():
    screen = fresh()
    for line in range(HEIGHT):
        screen.write_str(f"line {line}\n")
    # 25 newlines on 25 rows: the first line has scrolled away.
    assert text_row(screen, 0).rstrip() == "line 1"
    assert text_row(screen, HEIGHT - 2).rstrip() == f"line {HEIGHT - 1}"
    assert text_row(screen, HEIGHT - 1).strip() == ""
    assert int(screen.row) == HEIGHT - 1
    assert (int(screen.dirty_start), int(screen.dirty_end)) == (0, CELLS)


def test_scroll_blanks_bottom_row_in_current_colour():
    screen = fresh()
    screen.set_color(Color.WHITE, Color.BLUE)
    screen.write_str("\n" * HEIGHT)
    assert int(screen.attribute_at(u32(HEIGHT - 1), u32(5))) == 0x1F


@pytest.mark.parametrize(("before", "column"), [("", 8), ("abc", 8), ("12345678", 16),
                                                 ("x" * 79, 80)])
def test_tab_advances_to_next_stop(before, column):
    screen = fresh()
    screen.write_str(before + "\t")
    assert int(screen.column) == column
    assert text_row(screen, 0).rstrip() == before


def test_tab_after_full_line_wraps_first():
    screen = fresh()
    screen.write_str("x" * WIDTH + "\tA")
    assert text_row(screen, 1).rstrip() == " " * 8 + "A"


def test_backspace_erases_and_stops_at_left_edge():
    screen = fresh()
    screen.write_str("ab\b")
    assert text_row(screen, 0).rstrip() == "a"
    assert int(screen.column) == 1
    screen.write_str("\b\b\bZ")
    assert text_row(screen, 0).rstrip() == "Z"


@pytest.mark.parametrize("byte", [0x00, 0x07, 0x1B, 0x7F, 0x80, 0xFE, 0xFF])
def test_unprintable_bytes_show_placeholder(byte):
    screen = fresh()
    write(screen, bytes([0x41, byte, 0x42]))
    assert int(screen.char_at(u32(0), u32(1))) == int(PLACEHOLDER)
    assert text_row(screen, 0)[0] == "A" and text_row(screen, 0)[2] == "B"


def test_write_from_memory():
    screen = fresh()
    write(screen, b"from memory\n")
    assert text_row(screen, 0).rstrip() == "from memory"
    assert int(screen.row) == 1


def test_dirty_region_grows_and_clears():
    screen = fresh()
    screen.write_str("\n\nab")
    assert (int(screen.dirty_start), int(screen.dirty_end)) == (2 * WIDTH, 2 * WIDTH + 2)
    screen.write_str("\rX")
    assert (int(screen.dirty_start), int(screen.dirty_end)) == (2 * WIDTH, 2 * WIDTH + 2)
    screen.clear_dirty()
    assert int(screen.dirty_start) == int(screen.dirty_end)


def glyph_row(screen: TextScreen) -> str:
    """The top row as the VGA font draws it (code page 437)."""
    return bytes(int(screen.char_at(u32(0), u32(col))) for col in range(WIDTH)).decode("cp437")


@pytest.mark.parametrize(("text", "glyph"), [("é", 0x82), ("ü", 0x81), ("£", 0x9C),
                                             ("╔", 0xC9), ("░", 0xB0), ("π", 0xE3)])
def test_utf8_characters_take_one_cell_with_their_cp437_glyph(text, glyph):
    screen = fresh()
    write(screen, b"A" + text.encode() + b"B")
    assert int(screen.char_at(u32(0), u32(1))) == glyph
    assert glyph_row(screen).rstrip() == "A" + text + "B"
    assert int(screen.column) == 3


@pytest.mark.parametrize("data", ["€".encode(), "😀".encode(), b"\xc3", b"\xe2\x82",
                                  b"\xc0", b"\xed\x9f"])
def test_unshowable_characters_take_one_placeholder_each(data):
    screen = fresh()
    write(screen, b"A" + data + b"B")
    assert glyph_row(screen).rstrip() == "A\u25a0B"


def test_a_character_split_across_writes():
    screen = fresh()
    write(screen, b"x\xc3")
    assert int(screen.column) == 1
    write(screen, b"\xa9y")
    assert glyph_row(screen).rstrip() == "xéy"

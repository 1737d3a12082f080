"""Text graphics (kernel/apps/textgfx.py): drawing, the changed-cell
diffing of ``present`` against a model, and saving the screen."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kernel.apps import textgfx
from kernel.apps.textgfx import CELLS, HEIGHT, WIDTH, MemorySink, TextGfx, make_cell
from pythos.lang import u8, u16

BLANK = make_cell(u8(0x20), u8(0x07))

coords = st.integers(-3, 82)
chars = st.integers(0x20, 0xFF).map(u8)
attributes = st.integers(0, 0xFF).map(u8)

# One drawing operation, applied to both the back buffer and a model.
ops = st.one_of(
    st.tuples(st.just("put"), coords, coords, chars, attributes),
    st.tuples(st.just("fill"), coords, coords, st.integers(0, 30), st.integers(0, 90), chars,
              attributes),
    st.tuples(st.just("clear"), attributes),
    st.tuples(st.just("text"), coords, coords, st.text("ab é█€xyz", max_size=12), attributes),
    st.tuples(st.just("present")),
)


def apply(gfx: TextGfx, model: list[int], op: tuple) -> None:
    """Draw ``op`` into ``gfx`` and, independently, into ``model``."""
    kind = op[0]
    if kind == "put":
        _, row, column, char, attribute = op
        gfx.put(row, column, char, attribute)
        if 0 <= row < HEIGHT and 0 <= column < WIDTH:
            model[row * WIDTH + column] = int(attribute) << 8 | int(char)
    elif kind == "fill":
        _, row, column, height, width, char, attribute = op
        gfx.fill(row, column, height, width, char, attribute)
        for r in range(row, row + height):
            for c in range(column, column + width):
                if 0 <= r < HEIGHT and 0 <= c < WIDTH:
                    model[r * WIDTH + c] = int(attribute) << 8 | int(char)
    elif kind == "clear":
        gfx.clear(op[1])
        model[:] = [int(op[1]) << 8 | 0x20] * CELLS
    elif kind == "text":
        _, row, column, s, attribute = op
        end = gfx.text(row, column, s, attribute)
        assert end == column + len(s)
        for i, ch in enumerate(s):
            glyph = ch.encode("cp437")[0] if ch != "€" else 0xFE
            if 0 <= row < HEIGHT and 0 <= column + i < WIDTH:
                model[row * WIDTH + column + i] = int(attribute) << 8 | glyph


@settings(max_examples=150, deadline=None)
@given(st.lists(ops, max_size=25))
def test_present_writes_exactly_the_changed_cells(operations: list[tuple]) -> None:
    gfx = TextGfx()
    sink = MemorySink()
    model = [int(BLANK)] * CELLS
    screen = [int(BLANK)] * CELLS
    for op in operations + [("present",)]:
        if op[0] == "present":
            expected = sum(1 for a, b in zip(model, screen, strict=True) if a != b)
            before = sink.writes
            assert gfx.present(sink) == expected == gfx.last_changed
            assert sink.writes - before == expected
            assert [int(c) for c in sink.cells] == model
            screen = list(model)
        else:
            apply(gfx, model, op)
    # Nothing changed since: presenting again writes nothing.
    assert gfx.present(sink) == 0
    assert not sink.open


def test_first_present_of_a_blank_buffer_writes_nothing_to_a_blank_screen() -> None:
    gfx = TextGfx()
    sink = MemorySink()
    assert gfx.present(sink) == 0
    gfx.put(3, 4, u8(0x41), u8(0x1E))
    assert gfx.present(sink) == 1
    assert sink.cells[3 * WIDTH + 4] == make_cell(u8(0x41), u8(0x1E))
    assert sink.batches == 2


def test_sync_and_invalidate() -> None:
    sink = MemorySink()
    for i in range(CELLS):
        sink.cells[i] = make_cell(u8(0x30 + i % 10), u8(0x07))
    gfx = TextGfx()
    gfx.sync(sink)
    # The back buffer is blank: every cell differs from the synced screen.
    assert gfx.present(sink) == CELLS
    assert gfx.present(sink) == 0
    gfx.invalidate()
    assert gfx.present(sink) == CELLS
    assert all(cell == BLANK for cell in sink.cells)


def test_frame_draws_box_corners_and_edges() -> None:
    gfx = TextGfx()
    sink = MemorySink()
    gfx.frame(1, 2, 4, 6, u8(0x09))
    gfx.frame(10, 0, 3, 3, u8(0x09), True)
    gfx.present(sink)
    assert sink.text_row(1)[2:8] == "┌────┐"
    assert sink.text_row(2)[2:8] == "│    │"
    assert sink.text_row(4)[2:8] == "└────┘"
    assert sink.text_row(10)[:3] == "╔═╗"
    assert sink.text_row(11)[:3] == "║ ║"
    assert sink.text_row(12)[:3] == "╚═╝"
    assert textgfx.cell_attribute(sink.cells[WIDTH + 2]) == 0x09


def test_a_frame_around_the_whole_screen_fits() -> None:
    gfx = TextGfx()
    gfx.frame(0, 0, HEIGHT, WIDTH, u8(0x07), True)
    sink = MemorySink()
    gfx.present(sink)
    assert sink.text_row(0) == "╔" + "═" * 78 + "╗"
    assert sink.text_row(24) == "╚" + "═" * 78 + "╝"


def test_text_is_clipped_and_translated() -> None:
    gfx = TextGfx()
    assert gfx.text(0, 77, "abcdef", u8(7)) == 83
    assert gfx.text(1, -2, "xyz", u8(7)) == 1
    assert gfx.text(2, 0, "é█€\x01", u8(7)) == 4
    sink = MemorySink()
    gfx.present(sink)
    assert sink.text_row(0)[77:] == "abc"
    assert sink.text_row(1)[:2] == "z "
    assert sink.text_row(2)[:4] == "é█■■"


def test_message_box_is_centred() -> None:
    gfx = TextGfx()
    gfx.message_box("PAUSED", "P to go on", u8(0x1F))
    sink = MemorySink()
    gfx.present(sink)
    row = HEIGHT // 2 - 2
    assert sink.text_row(row).strip() == "┌" + "─" * 14 + "┐"
    assert sink.text_row(row + 1).strip() == "│    PAUSED    │"
    assert sink.text_row(row + 2).strip() == "│  P to go on  │"


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 0xFFFF), min_size=CELLS, max_size=CELLS),
       st.integers(0, HEIGHT - 1), st.integers(0, WIDTH), st.lists(ops, max_size=10))
def test_restore_gives_back_the_screen_as_it_was(cells: list[int], row: int, column: int,
                                                  operations: list[tuple]) -> None:
    sink = MemorySink()
    for i, cell in enumerate(cells):
        sink.cells[i] = u16(cell)
    sink.set_cursor(row, column)
    snapshot = textgfx.save(sink)
    # A game draws over everything and moves the cursor.
    gfx = TextGfx()
    gfx.sync(sink)
    model = [int(BLANK)] * CELLS
    for op in operations:
        if op[0] != "present":
            apply(gfx, model, op)
    gfx.clear(u8(0x1F))
    gfx.present(sink)
    sink.set_cursor(0, 0)
    differing = sum(1 for i in range(CELLS) if sink.cells[i] != cells[i])
    assert textgfx.restore(sink, snapshot) == differing
    assert [int(c) for c in sink.cells] == cells
    assert (sink.row, sink.column) == (row, column)

"""Running a game on a screen (kernel/apps/runner.py): the shell's screen
is taken, the frames drawn, and after Q or Esc given back exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kernel.apps import flappy, snake
from kernel.apps import game as keys
from kernel.apps.runner import GameRunner
from kernel.apps.textgfx import CELLS, WIDTH, MemorySink, make_cell
from pythos.lang import u8, u16, u64


def shell_screen() -> MemorySink:
    """A screen with a prompt on it, the cursor after it."""
    sink = MemorySink()
    for i, ch in enumerate("pythos> snake"):
        sink.cells[20 * WIDTH + i] = make_cell(u8(ord(ch)), u8(0x0A))
    sink.set_cursor(20, 13)
    return sink


def test_a_game_takes_the_screen_and_gives_it_back() -> None:
    sink = shell_screen()
    before = list(sink.cells)
    runner = GameRunner(snake.new(u64(42)), sink)
    runner.start()
    assert not sink.cursor_visible
    assert sink.text_row(0).startswith(" SNAKE  Score 0")
    assert sink.text_row(1).startswith("╔═")
    for _ in range(5):
        runner.frame([])
    assert runner.frames == 5 and not runner.done()
    runner.frame([keys.KEY_UP, keys.KEY_QUIT, keys.KEY_LEFT])
    assert runner.done() and runner.frames == 5, "no tick after the quit"
    changed = runner.stop()
    assert changed > 100
    assert sink.cells == before and (sink.row, sink.column) == (20, 13)
    assert sink.cursor_visible
    assert runner.stop() == 0, "stopping twice changes nothing"


def test_deadlines_follow_the_games_interval() -> None:
    runner = GameRunner(flappy.new(u64(1)), MemorySink())
    assert runner.next_deadline(1000) == 1000 + flappy.FRAME_MS
    game = snake.new(u64(1))
    runner = GameRunner(game, MemorySink())
    assert runner.next_deadline(0) == 140
    game.grow = 20
    runner.start()
    for _ in range(20):
        runner.frame([])
    assert game.length() == 24 and runner.next_deadline(0) == 100


def test_only_changed_cells_are_written_after_the_first_frame() -> None:
    sink = shell_screen()
    runner = GameRunner(snake.new(u64(42)), sink)
    runner.start()
    first = sink.writes
    runner.frame([])
    # A move: the new head, the old head, the tail's cell.
    assert sink.writes - first == 3


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 0xFFFF), min_size=CELLS, max_size=CELLS),
       st.sampled_from(["snake", "flappy"]), st.integers(1, 2**64 - 1),
       st.lists(st.lists(st.sampled_from([0, 1, 2, 3, 4, 5, 6, 8, 9]), max_size=2),
                max_size=120))
def test_quitting_at_any_point_restores_any_screen(cells: list[int], which: str, seed: int,
                                                   script: list[list[int]]) -> None:
    sink = MemorySink()
    for i, cell in enumerate(cells):
        sink.cells[i] = u16(cell)
    sink.set_cursor(24, 80)
    game = snake.new(u64(seed)) if which == "snake" else flappy.new(u64(seed))
    runner = GameRunner(game, sink)
    runner.start()
    for pressed in script:
        runner.frame([u8(k) for k in pressed])
    runner.frame([keys.KEY_QUIT])
    assert runner.done()
    runner.stop()
    assert [int(c) for c in sink.cells] == cells
    assert (sink.row, sink.column) == (24, 80)

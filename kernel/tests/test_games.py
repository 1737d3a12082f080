"""In-kernel tests of the games and text graphics, on the kernel heap.

The scripted games the host tests replay (tests/kernel/test_snake.py and
test_flappy.py) are played here, compiled, through the ``Game``
interface the shell will use, drawn every frame and presented to a
``MemorySink``: they must end with the same scores, and every object they
made (the snake's lists, the pipes, the strings of the status line) must
be freed when they are dropped."""

import kernel.mm.heap as heap
from kernel.apps import flappy, snake, textgfx
from kernel.apps.game import KEY_NONE, KEY_QUIT, Game
from kernel.apps.runner import GameRunner
from kernel.apps.textgfx import CELLS, MemorySink, TextGfx, make_cell
from pythos.lang import u8, u64
from pythos.rt.alloc import obj_stats, obj_trim


def frames(game: Game, keys: list[u8], gfx: TextGfx, sink: MemorySink) -> int:
    """Play ``keys`` through the base interface; the cells presented."""
    changed = 0
    for key in keys:
        game.step(key)
        game.render(gfx)
        changed += gfx.present(sink)
    return changed


def play_snake() -> None:
    game = snake.new(u64(42))
    gfx = TextGfx()
    sink = MemorySink()
    while game.state != snake.OVER:
        frames(game, [game.demo_key()], gfx, sink)
    assert game.score == 25 and game.length() == 79 and game.ticks == 869
    assert snake.record.best >= 25
    assert sink.cells[0] == gfx.back[0] and sink.batches == 869
    for i in range(CELLS):
        assert sink.cells[i] == gfx.back[i]


def play_flappy() -> None:
    game = flappy.new(u64(7))
    gfx = TextGfx()
    sink = MemorySink()
    count = 0
    while game.state != flappy.OVER:
        key = game.demo_key() if count < 600 else KEY_NONE
        frames(game, [key], gfx, sink)
        count += 1
    assert game.score == 11 and count == 619 and game.y == 6256
    game.press(u8(7))
    assert game.finished


def test_scripted_games_score_as_under_cpython_and_free_everything() -> None:
    obj_trim()
    live = obj_stats().live
    used = heap.stats().bytes_used
    play_snake()
    play_flappy()
    obj_trim()
    assert obj_stats().live == live, "every object of the games was freed"
    assert heap.stats().bytes_used == used


def test_present_writes_only_changed_cells_and_restore_gives_the_screen_back() -> None:
    sink = MemorySink()
    for i in range(CELLS):
        sink.cells[i] = make_cell(u8(0x41 + i % 26), u8(0x07))
    sink.set_cursor(7, 12)
    saved = textgfx.save(sink)
    gfx = TextGfx()
    gfx.sync(sink)
    gfx.clear()
    gfx.frame(0, 0, 25, 80, u8(0x09), True)
    assert gfx.present(sink) == CELLS
    assert gfx.present(sink) == 0
    gfx.put(3, 3, u8(0x2A), u8(0x0C))
    gfx.text(10, 70, "clipped text", u8(0x0F))
    assert gfx.present(sink) == 11
    assert textgfx.restore(sink, saved) == CELLS
    assert sink.row == 7 and sink.column == 12
    for i in range(CELLS):
        assert sink.cells[i] == make_cell(u8(0x41 + i % 26), u8(0x07))



def run_and_quit(sink: MemorySink) -> None:
    game = flappy.new(u64(3))
    runner = GameRunner(game, sink)
    runner.start()
    for _ in range(50):
        runner.frame([game.demo_key()])
    runner.frame([u8(9), KEY_QUIT])
    assert runner.done() and runner.frames == 50
    assert runner.stop() > 100


def test_a_runner_gives_the_screen_back_after_quit() -> None:
    sink = MemorySink()
    for i in range(CELLS):
        sink.cells[i] = make_cell(u8(0x30 + i % 10), u8(0x02))
    sink.set_cursor(24, 8)
    obj_trim()
    live = obj_stats().live
    run_and_quit(sink)
    obj_trim()
    assert obj_stats().live == live, "the game, its runner and the saved screen were freed"
    assert sink.row == 24 and sink.column == 8 and sink.cursor_visible
    for i in range(CELLS):
        assert sink.cells[i] == make_cell(u8(0x30 + i % 10), u8(0x02))

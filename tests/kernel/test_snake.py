"""Snake's rules (kernel/apps/snake.py): scripted games replayed to a known
score and board, and random key sequences against the invariants."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernel.apps import game as keys
from kernel.apps import snake
from kernel.apps.snake import BOARD_CELLS, BOARD_HEIGHT, BOARD_WIDTH, Snake
from kernel.apps.textgfx import MemorySink, TextGfx
from pythos.lang import u8, u64

NONE = keys.KEY_NONE
EXPECTED = Path(__file__).parent / "games_expected"


@pytest.fixture(autouse=True)
def fresh_session() -> None:
    snake.record.best = 0


def cell(x: int, y: int) -> int:
    return y * BOARD_WIDTH + x


def check_invariants(game: Snake) -> None:
    body = game.body
    assert len(set(body)) == len(body), "the snake overlaps itself"
    for c in body:
        assert 0 <= c < BOARD_CELLS
    for a, b in zip(body, body[1:], strict=False):
        ax, ay, bx, by = a % BOARD_WIDTH, a // BOARD_WIDTH, b % BOARD_WIDTH, b // BOARD_WIDTH
        assert abs(ax - bx) + abs(ay - by) == 1, "segments not adjacent"
    assert [i for i in range(BOARD_CELLS) if game.occupied[i]] == sorted(body)
    assert game.food == -1 or (0 <= game.food < BOARD_CELLS and game.food not in body)
    assert game.high_score >= game.score


def test_new_game_layout() -> None:
    game = snake.new(u64(1))
    y = BOARD_HEIGHT // 2
    assert game.body == [cell(x, y) for x in range(35, 39)]
    assert game.head() == cell(38, y) and game.direction == snake.RIGHT
    assert game.state == snake.RUNNING and game.score == 0 and not game.finished
    check_invariants(game)


def test_runs_into_the_right_wall_after_exactly_the_free_cells() -> None:
    game = snake.new(u64(5))
    game.food = cell(0, 0)  # out of the way
    for _ in range(BOARD_WIDTH - 1 - 38):
        game.step(NONE)
        assert game.state == snake.RUNNING
    assert game.head() == cell(BOARD_WIDTH - 1, BOARD_HEIGHT // 2)
    game.step(NONE)
    assert game.state == snake.OVER
    # The snake stays where it died; further ticks change nothing.
    body = list(game.body)
    game.step(keys.KEY_UP)
    assert game.body == body


def test_eating_scores_and_grows_by_growth() -> None:
    game = snake.new(u64(5))
    y = BOARD_HEIGHT // 2
    game.food = cell(40, y)
    game.step(NONE)
    game.step(NONE)
    assert game.score == 1 and game.length() == 4
    assert game.food not in game.body
    for i in range(snake.GROWTH):
        game.step(NONE)
        assert game.length() == 5 + i
    game.step(NONE)
    assert game.length() == 4 + snake.GROWTH
    assert snake.record.best == 1


def test_reversal_is_refused_and_turns_queue() -> None:
    game = snake.new(u64(5))
    head = game.head()
    game.step(keys.KEY_LEFT)  # reversal: ignored
    assert game.head() == head + 1 and game.state == snake.RUNNING
    # Up then Left within one tick: two turns on two ticks.
    game.press(keys.KEY_UP)
    game.press(keys.KEY_LEFT)
    game.press(keys.KEY_DOWN)  # would reverse the queued Left's predecessor: refused
    game.tick()
    assert game.head() == head + 1 - BOARD_WIDTH
    game.tick()
    assert game.head() == head - BOARD_WIDTH
    assert game.direction == snake.LEFT


def test_running_into_itself_ends_the_game() -> None:
    game = snake.new(u64(5))
    game.food = cell(0, 0)
    game.grow = 4  # length 8: long enough to bite itself
    for key in [NONE] * 4 + [keys.KEY_UP, keys.KEY_LEFT, keys.KEY_DOWN]:
        game.step(key)
    assert game.state == snake.OVER


def test_the_head_may_follow_the_tail() -> None:
    game = snake.new(u64(5))
    game.food = cell(0, 0)
    # A length-4 snake turning in a 2x2 square chases its own tail forever.
    for _ in range(5):
        for key in (keys.KEY_UP, keys.KEY_LEFT, keys.KEY_DOWN, keys.KEY_RIGHT):
            game.step(key)
            assert game.state == snake.RUNNING
    check_invariants(game)


def test_pause_quit_and_restart() -> None:
    game = snake.new(u64(5))
    head = game.head()
    game.step(keys.KEY_PAUSE)
    game.step(NONE)
    game.step(keys.KEY_UP)  # ignored while paused
    assert game.head() == head and game.state == snake.PAUSED
    game.step(keys.KEY_PAUSE)
    assert game.head() == head + 1
    game.game_over()
    game.step(keys.KEY_PAUSE)  # no pause once over
    assert game.state == snake.OVER
    game.step(keys.KEY_ACTION)
    assert game.state == snake.RUNNING and game.length() == 4 and game.score == 0
    assert not game.finished
    game.press(keys.KEY_QUIT)
    assert game.finished


def test_speed_rises_with_length() -> None:
    intervals = [snake.tick_interval_ms(n) for n in range(4, 200)]
    assert intervals[0] == snake.START_INTERVAL_MS
    assert all(a >= b for a, b in zip(intervals, intervals[1:], strict=False))
    assert intervals[-1] == snake.MIN_INTERVAL_MS
    game = snake.new(u64(5))
    assert game.interval_ms() == 140
    game.grow = 10
    for _ in range(10):
        game.step(keys.KEY_UP if game.head() // BOARD_WIDTH > 3 else keys.KEY_RIGHT)
    assert game.interval_ms() == 140 - 2 * 10


def play(seed: int, limit: int = 5000) -> tuple[Snake, list[int]]:
    """A game played by the demo player; the keys it pressed."""
    game = snake.new(u64(seed))
    script = []
    while game.state != snake.OVER and len(script) < limit:
        key = game.demo_key()
        script.append(int(key))
        game.step(key)
    return game, script


# Seed, ticks, final score and length.
KNOWN_GAMES = [
    (42, 869, 25, 79),
    (1, 1960, 49, 151),
]


@pytest.mark.parametrize("seed,ticks,score,length", KNOWN_GAMES)
def test_a_scripted_game_replays_to_a_known_score(seed: int, ticks: int, score: int,
                                                   length: int) -> None:
    game, script = play(seed)
    assert (len(script), game.score, game.length()) == (ticks, score, length)
    # The same seed and keys, fed again, give the same board, food included.
    again = snake.new(u64(seed))
    for key in script:
        again.step(u8(key))
    assert again.board_lines() == game.board_lines()
    assert again.score == score and again.state == snake.OVER
    assert snake.record.best == score


def test_seed_42_final_board() -> None:
    game, _ = play(42)
    lines = game.board_lines()
    expected = (EXPECTED / "snake_seed42.txt").read_text().splitlines()
    assert lines == expected
    assert lines[13] == "." * 21 + "*" + "." * 5 + "ooooooo" + "." * 44
    assert lines[14] == "." * 27 + "oo@oooo" + "." * 44
    assert sum(line.count("o") + line.count("@") for line in lines) == 79


def test_different_seeds_place_food_differently() -> None:
    foods = {snake.new(u64(seed)).food for seed in range(1, 20)}
    assert len(foods) > 10


key_codes = st.sampled_from([0, 1, 2, 3, 4, 5, 6, 8, 9]).map(u8)


@settings(max_examples=120, deadline=None)
@given(st.integers(1, 2**64 - 1), st.lists(key_codes, max_size=400))
def test_random_keys_keep_the_snake_inside_and_the_food_off_it(seed: int, script: list) -> None:
    game = snake.new(u64(seed))
    for key in script:
        game.step(key)
        check_invariants(game)
        assert not game.finished


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 2**64 - 1), st.lists(key_codes, max_size=200))
def test_render_draws_head_food_and_walls(seed: int, script: list) -> None:
    game = snake.new(u64(seed))
    for key in script:
        game.step(key)
    gfx = TextGfx()
    game.render(gfx)
    sink = MemorySink()
    gfx.present(sink)
    if game.state != snake.RUNNING:
        title = "PAUSED" if game.state == snake.PAUSED else f"GAME OVER: score {game.score}"
        assert title in sink.text_row(11)
        return
    head = game.head()
    glyph = int(sink.cells[(2 + head // BOARD_WIDTH) * 80 + 1 + head % BOARD_WIDTH]) & 0xFF
    assert glyph == snake.HEAD
    food = game.food
    food_cell = sink.cells[(2 + food // BOARD_WIDTH) * 80 + 1 + food % BOARD_WIDTH]
    assert int(food_cell) & 0xFF == snake.FOOD
    assert sink.text_row(1) == "╔" + "═" * 78 + "╗"
    assert sink.text_row(24) == "╚" + "═" * 78 + "╝"
    assert sink.text_row(0).startswith(f" SNAKE  Score {game.score:<4} High")


def test_a_full_board_is_a_win() -> None:
    game = snake.new(u64(3))
    # Fill the board but one cell beside the head, then eat it.
    game.body = [c for c in range(BOARD_CELLS) if c != game.head() + 1]
    head = game.body.pop(game.body.index(cell(38, BOARD_HEIGHT // 2)))
    game.body.append(head)
    for i in range(BOARD_CELLS):
        game.occupied[i] = i in game.body
    game.food = head + 1
    game.grow = 1  # the tail stays, so the snake fills the board
    game.tick()
    assert game.food == -1 and game.state == snake.OVER and game.score == 1

"""Flappy bird's rules (kernel/apps/flappy.py): fixed-point physics, pipes,
collision and scoring, scripted games replayed to a known score, and
random key sequences against the invariants."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernel.apps import flappy
from kernel.apps import game as keys
from kernel.apps.flappy import BIRD_COLUMN, GAP, GROUND_ROW, ONE, PIPE_WIDTH, SKY_ROW, Flappy, Pipe
from kernel.apps.textgfx import MemorySink, TextGfx
from pythos.lang import u8, u64

NONE = keys.KEY_NONE
EXPECTED = Path(__file__).parent / "games_expected"
FLAP = keys.KEY_ACTION


@pytest.fixture(autouse=True)
def fresh_session() -> None:
    flappy.record.best = 0


def test_waits_for_the_first_flap() -> None:
    game = flappy.new(u64(1))
    y = game.y
    for _ in range(50):
        game.step(NONE)
    assert game.state == flappy.READY and game.y == y and not game.pipes
    game.step(keys.KEY_UP)
    assert game.state == flappy.RUNNING
    assert game.speed == -flappy.FLAP + flappy.GRAVITY
    assert game.y == y - flappy.FLAP + flappy.GRAVITY


def test_free_fall_follows_the_fixed_point_formula() -> None:
    game = flappy.new(u64(1))
    game.step(FLAP)
    y, speed = game.y, game.speed
    for _ in range(12):
        game.step(NONE)
        speed = min(speed + flappy.GRAVITY, flappy.MAX_FALL)
        y += speed
        assert (game.y, game.speed) == (y, speed)
    # Falling long enough reaches the terminal speed, then the ground.
    frames = 0
    while game.state == flappy.RUNNING:
        game.step(NONE)
        frames += 1
    assert game.speed == flappy.MAX_FALL
    assert game.bird_row() >= GROUND_ROW and game.state == flappy.OVER
    assert frames < 100


def test_the_ceiling_stops_the_bird() -> None:
    game = flappy.new(u64(1))
    for _ in range(40):
        game.step(FLAP)
    assert game.y == SKY_ROW * ONE or game.state == flappy.OVER
    assert game.y >= SKY_ROW * ONE


def test_pipes_enter_every_spacing_and_scroll() -> None:
    game = flappy.new(u64(9))
    game.step(FLAP)
    assert len(game.pipes) == 1 and game.pipes[0].x == 80 * ONE
    game.y = 12 * ONE
    frames = flappy.SPACING * ONE // flappy.SCROLL
    for _ in range(frames):
        game.speed = -flappy.GRAVITY  # hover: gravity cancels out
        game.step(NONE)
    assert [p.x for p in game.pipes] == [(80 - flappy.SPACING) * ONE, 80 * ONE]
    for pipe in game.pipes:
        assert flappy.GAP_TOP_MIN <= pipe.gap_top <= flappy.GAP_TOP_MAX


def test_pipe_collision_matches_what_is_drawn() -> None:
    pipe = Pipe(10 * ONE + 77, 6)
    assert pipe.column() == 10
    rows = [r for r in range(SKY_ROW, GROUND_ROW) if not pipe.blocks(r, 12)]
    assert rows == list(range(6, 6 + GAP))
    assert not pipe.blocks(3, 9) and pipe.blocks(3, 10) and pipe.blocks(3, 14)
    assert not pipe.blocks(3, 15)
    # Off the left edge, the arithmetic shift still floors.
    assert Pipe(-ONE // 2, 6).column() == -1


def test_hitting_a_pipe_ends_the_game_and_passing_one_scores() -> None:
    game = flappy.new(u64(9))
    game.step(FLAP)
    game.pipes[0].x = (BIRD_COLUMN + 1) * ONE + flappy.SCROLL
    game.pipes[0].gap_top = 3
    game.y = 15 * ONE
    game.speed = -flappy.GRAVITY
    game.step(NONE)  # the pipe moves to the column right of the bird
    assert game.state == flappy.RUNNING
    game.speed = -flappy.GRAVITY
    game.step(NONE)
    assert game.state == flappy.OVER and game.score == 0
    # The same pipe with its gap around the bird is passed and scores.
    game = flappy.new(u64(9))
    game.step(FLAP)
    game.pipes[0].x = (BIRD_COLUMN + 1) * ONE
    game.pipes[0].gap_top = 12
    game.y = 14 * ONE
    for _ in range(2 * (PIPE_WIDTH + 1)):
        game.speed = -flappy.GRAVITY
        game.step(NONE)
        assert game.state == flappy.RUNNING
    assert game.score == 1 and game.pipes[0].passed
    assert flappy.record.best == 1


def test_pause_quit_and_restart_after_a_delay() -> None:
    game = flappy.new(u64(4))
    game.step(FLAP)
    y = game.y
    game.step(keys.KEY_PAUSE)
    game.step(FLAP)
    assert game.state == flappy.PAUSED and game.y == y
    game.step(keys.KEY_PAUSE)
    assert game.state == flappy.RUNNING
    while game.state == flappy.RUNNING:
        game.step(NONE)
    for _ in range(flappy.RESTART_DELAY - 1):
        game.step(FLAP)
        assert game.state == flappy.OVER
    game.step(NONE)
    game.step(keys.KEY_ENTER)
    assert game.state == flappy.READY and game.score == 0 and not game.pipes
    game.press(keys.KEY_QUIT)
    assert game.finished
    assert game.interval_ms() == flappy.FRAME_MS


def play(seed: int, flapping_frames: int) -> tuple[Flappy, list[int]]:
    """The demo player for ``flapping_frames`` frames, then no more keys."""
    game = flappy.new(u64(seed))
    script = []
    while game.state != flappy.OVER and len(script) < 5000:
        key = game.demo_key() if len(script) < flapping_frames else NONE
        script.append(int(key))
        game.frame([key] if key != NONE else [])
    return game, script


# Seed, frames flapped, then: frames played, final score, final height.
KNOWN_GAMES = [
    (7, 600, 619, 11, 6256),  # to the ground
    (1, 300, 313, 4, 3136),  # into a pipe
]


@pytest.mark.parametrize("seed,flapping,frames,score,y", KNOWN_GAMES)
def test_a_scripted_game_replays_to_a_known_score(seed: int, flapping: int, frames: int,
                                                   score: int, y: int) -> None:
    game, script = play(seed, flapping)
    assert (len(script), game.score, game.y) == (frames, score, y)
    again = flappy.new(u64(seed))
    for key in script:
        again.step(u8(key))
    assert again.picture() == game.picture() and again.score == score
    assert flappy.record.best == score


def test_seed_7_final_picture() -> None:
    game, _ = play(7, 600)
    picture = game.picture()
    assert picture == (EXPECTED / "flappy_seed7.txt").read_text().splitlines()
    assert picture[0] == "." * 11 + "#####" + "." * 19 + "#####" + "." * 19 + "#####" + "." * 16
    assert picture[14] == "." * 59 + "#####" + "." * 16
    assert game.bird_row() == GROUND_ROW  # it fell to the ground


key_codes = st.sampled_from([0, 1, 2, 3, 4, 5, 6, 8, 9]).map(u8)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 2**64 - 1), st.lists(st.lists(key_codes, max_size=3), max_size=400))
def test_random_keys_keep_the_game_consistent(seed: int, frames: list) -> None:
    game = flappy.new(u64(seed))
    passed = 0
    for pressed in frames:
        game.frame(pressed)
        assert game.y >= SKY_ROW * ONE
        assert -flappy.FLAP <= game.speed <= flappy.MAX_FALL
        if game.state in (flappy.RUNNING, flappy.PAUSED):
            assert game.bird_row() < GROUND_ROW
            assert not any(p.blocks(game.bird_row(), BIRD_COLUMN) for p in game.pipes)
        xs = [p.x for p in game.pipes]
        assert xs == sorted(xs) and len(xs) <= 80 // flappy.SPACING + 2
        assert all(x + PIPE_WIDTH * ONE > -flappy.SCROLL for x in xs)
        if game.state == flappy.READY:
            passed = 0
        passed = max(passed, sum(1 for p in game.pipes if p.passed))
        assert game.score >= passed and game.high_score >= game.score


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 2**64 - 1), st.integers(0, 300))
def test_render_draws_the_bird_pipes_and_ground(seed: int, frames: int) -> None:
    game = flappy.new(u64(seed))
    for _ in range(frames):
        game.step(game.demo_key())
    gfx = TextGfx()
    game.render(gfx)
    sink = MemorySink()
    gfx.present(sink)
    assert sink.text_row(GROUND_ROW) == "▒" * 80
    if game.state == flappy.RUNNING:
        assert int(sink.cells[game.bird_row() * 80 + BIRD_COLUMN]) & 0xFF == flappy.BIRD
        picture = game.picture()
        for row in range(SKY_ROW, GROUND_ROW):
            drawn = "".join("#" if c == "█" else "." for c in sink.text_row(row))
            expected = picture[row - SKY_ROW].replace(">", ".")
            assert drawn == expected

"""The games' keys (kernel/apps/game.py): from console characters and from
PS/2 key events, and ``step`` as ``press`` then ``tick``."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kernel.apps import game
from kernel.apps.game import Game, from_char, from_scancode
from kernel.drivers import scancode
from pythos.lang import u8, u64


def test_console_characters() -> None:
    table = {"w": game.KEY_UP, "W": game.KEY_UP, "s": game.KEY_DOWN, "a": game.KEY_LEFT,
             "D": game.KEY_RIGHT, "p": game.KEY_PAUSE, "P": game.KEY_PAUSE,
             "q": game.KEY_QUIT, "Q": game.KEY_QUIT, "\x1b": game.KEY_QUIT,
             " ": game.KEY_ACTION, "\r": game.KEY_ENTER, "\n": game.KEY_ENTER,
             "x": game.KEY_OTHER, "1": game.KEY_OTHER, "\x00": game.KEY_OTHER}
    for char, key in table.items():
        assert from_char(u8(ord(char))) == key, char


def test_ps2_keys() -> None:
    assert from_scancode(scancode.KEY_UP, u8(0)) == game.KEY_UP
    assert from_scancode(scancode.KEY_DOWN, u8(0)) == game.KEY_DOWN
    assert from_scancode(scancode.KEY_LEFT, u8(0)) == game.KEY_LEFT
    assert from_scancode(scancode.KEY_RIGHT, u8(0)) == game.KEY_RIGHT
    assert from_scancode(scancode.KEY_ESCAPE, u8(0x1B)) == game.KEY_QUIT
    assert from_scancode(scancode.KEY_SPACE, u8(0x20)) == game.KEY_ACTION
    assert from_scancode(scancode.KEY_ENTER, u8(0x0D)) == game.KEY_ENTER
    assert from_scancode(scancode.KEY_KEYPAD_ENTER, u8(0x0D)) == game.KEY_ENTER
    assert from_scancode(scancode.KEY_F1, u8(0)) == game.KEY_OTHER
    # Letters come through their character, so Shift and Caps Lock do not matter.
    assert from_scancode(u8(0x11), u8(ord("W"))) == game.KEY_UP


@given(st.integers(0, 255))
def test_every_character_maps_to_a_key(char: int) -> None:
    assert 0 < from_char(u8(char)) < game.KEY_COUNT


class Recorder(Game):
    def __init__(self) -> None:
        super().__init__(u64(0), u64(1), game.SessionRecord())
        self.log: list[str] = []

    def press(self, key: u8) -> None:
        self.log.append(f"press {key}")

    def tick(self) -> None:
        self.log.append("tick")


def test_step_presses_then_ticks() -> None:
    recorder = Recorder()
    recorder.step(game.KEY_UP)
    recorder.step(game.KEY_NONE)
    assert recorder.log == ["press 1", "tick", "tick"]


def test_quit_and_pause_mean_the_same_in_every_game() -> None:
    record = game.SessionRecord()
    recorder = Recorder()
    played = Game(u64(0), u64(5), record)
    assert played.rng == 5, "seed 0 takes the default"
    assert played.press_common(game.KEY_PAUSE) and played.state == game.PAUSED
    assert played.press_common(game.KEY_PAUSE) and played.state == game.RUNNING
    assert not played.press_common(game.KEY_UP) and not played.finished
    assert played.press_common(game.KEY_QUIT) and played.finished
    played.score = 7
    played.note_score()
    assert played.high_score == 7 and record.best == 7
    assert Game(u64(3), u64(5), record).high_score == 7, "a new game starts from the record"
    assert recorder.log == []

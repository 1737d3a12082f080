"""What the echo loop shows for each input event: only what the consoles can show."""

from __future__ import annotations

import pytest

import kernel.echo as echo
import kernel.proc.line_editor as line_editor
from kernel.drivers import scancode as sc
from kernel.drivers.terminal import TerminalDecoder, key_event
from pythos.lang import u8, u32


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setattr(echo, "print_prompt", lambda: print("> ", end=""))
    line_editor.clear(echo.line)

    def type_events(*events: int) -> str:
        for event in events:
            echo.echo(u32(event))
        return capsys.readouterr().out
    return type_events


def from_terminal(data: bytes) -> list[int]:
    decoder = TerminalDecoder()
    events = []
    for b in data:
        n = decoder.feed(u8(b))
        events += [int(decoder.out[i]) for i in range(n)]
    return events


def test_keys_are_not_echoed(shown) -> None:
    keys = [key_event(k) for k in (sc.KEY_UP, sc.KEY_LEFT, sc.KEY_HOME, sc.KEY_END,
                                   sc.KEY_DELETE, sc.KEY_ESCAPE)]
    assert shown(ord("a"), *keys, ord("b")) == "ab"


def test_characters_beyond_ascii_are_echoed_as_utf8(shown) -> None:
    assert shown(*from_terminal("é£╔€".encode() + b"\xff")) == "é£╔€\ufffd"


def test_control_characters_are_not_echoed(shown) -> None:
    assert shown(0x00, 0x07, 0x0C, 0x1B, 0x1F, 0x85, 0x9B, ord("x")) == "x"


def test_enter_starts_a_new_prompt(shown) -> None:
    assert shown(ord("a"), 0x0D, ord("b"), 0x0A) == "a\n> b\n> "


def test_backspace_erases_typed_characters_only(shown) -> None:
    assert shown(ord("a"), ord("é"), 0x7F, 0x08, 0x7F, ord("c")) == "aé\b \b\b \bc"
    assert shown(0x0D, 0x7F, ord("d")) == "\n> d"


def test_ctrl_u_erases_the_line_and_a_tab_shows_as_one_space(shown) -> None:
    assert shown(ord("a"), 0x09, ord("b"), 0x15, ord("c")) == "a b" + "\b \b" * 3 + "c"


def test_a_line_too_long_goes_on_after_a_new_prompt_and_nothing_is_lost(shown) -> None:
    assert shown(*[ord("a")] * 256, ord("b"), 0x7F, 0x7F, 0x7F) == \
        "a" * 255 + "\n> a" + "b\b \b" + "\b \b"

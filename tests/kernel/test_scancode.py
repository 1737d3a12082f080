"""Scancode set 1 decoding: table-driven cases plus Hypothesis runs of random
key presses and releases, encoded the way a keyboard would send them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernel.drivers import scancode as sc
from kernel.drivers.scancode import Decoder, KeyEvent
from pythos.lang import u8

REPLIES = {0x00, 0xFF, 0xEE, 0xFA, 0xFC, 0xFD, 0xFE}
# Make codes whose make or break byte cannot be told from a prefix or a reply.
MAKE_CODES = [c for c in range(1, 0x80) if c not in (0x60, 0x61) and (c | 0x80) not in REPLIES]
EXTENDED_KEYS = [0x80 | c for c in MAKE_CODES if c not in (0x2A, 0x36, 0x45)]
KEYS = MAKE_CODES + EXTENDED_KEYS + [sc.KEY_PAUSE]

MODIFIER_BITS = {
    sc.KEY_LEFT_SHIFT: sc.MOD_LEFT_SHIFT, sc.KEY_RIGHT_SHIFT: sc.MOD_RIGHT_SHIFT,
    sc.KEY_LEFT_CTRL: sc.MOD_LEFT_CTRL, sc.KEY_RIGHT_CTRL: sc.MOD_RIGHT_CTRL,
    sc.KEY_LEFT_ALT: sc.MOD_LEFT_ALT, sc.KEY_RIGHT_ALT: sc.MOD_RIGHT_ALT,
}


def encode(key: int, pressed: bool) -> list[int]:
    """The bytes a keyboard (behind a translating controller) sends."""
    if key == sc.KEY_PAUSE:
        return [0xE1, 0x1D, 0x45] if pressed else [0xE1, 0x9D, 0xC5]
    if key == sc.KEY_PRINT_SCREEN:
        return [0xE0, 0x2A, 0xE0, 0x37] if pressed else [0xE0, 0xB7, 0xE0, 0xAA]
    byte = (key & 0x7F) | (0 if pressed else 0x80)
    return [0xE0, byte] if key & 0x80 else [byte]


def feed_all(decoder: Decoder, data: list[int]) -> list[KeyEvent]:
    return [e for e in (decoder.feed(u8(b)) for b in data) if e.is_key()]


def typed(data: list[int], decoder: Decoder | None = None) -> bytes:
    """The characters of the key presses in ``data``."""
    decoder = decoder or Decoder()
    return bytes(e.char for e in feed_all(decoder, data) if e.pressed and e.char)


def press(*keys: int) -> list[int]:
    return [b for k in keys for b in encode(k, True)]


def release(*keys: int) -> list[int]:
    return [b for k in keys for b in encode(k, False)]


def tap(*keys: int) -> list[int]:
    return [b for k in keys for b in encode(k, True) + encode(k, False)]


A, C, ONE, SLASH = 0x1E, 0x2E, 0x02, 0x35
SHIFT, CAPS, CTRL, NUM = sc.KEY_LEFT_SHIFT, sc.KEY_CAPS_LOCK, sc.KEY_LEFT_CTRL, sc.KEY_NUM_LOCK
SCROLL = sc.KEY_SCROLL_LOCK
KP8 = 0x48


@pytest.mark.parametrize("data, expected", [
    (tap(A), b"a"),
    (press(SHIFT) + tap(A) + release(SHIFT), b"A"),
    (press(sc.KEY_RIGHT_SHIFT) + tap(ONE, SLASH), b"!?"),
    (tap(CAPS) + tap(A, ONE), b"A1"),
    (tap(CAPS) + press(SHIFT) + tap(A, ONE), b"a!"),
    (tap(CAPS, CAPS) + tap(A), b"a"),
    (press(CTRL) + tap(C), b"\x03"),
    (press(sc.KEY_RIGHT_CTRL) + tap(0x1A), b"\x1b"),        # Ctrl+[ is Escape
    (press(sc.KEY_LEFT_ALT) + tap(A), b"a"),
    (tap(*range(0x10, 0x1A)), b"qwertyuiop"),
    (tap(0x29, 0x0C, 0x0D, 0x2B, 0x27, 0x28, 0x33, 0x34), b"`-=\\;',."),
    (press(SHIFT) + tap(0x29, 0x0C, 0x0D, 0x2B, 0x27, 0x28, 0x33, 0x34), b"~_+|:\"<>"),
    (tap(sc.KEY_ENTER, sc.KEY_TAB, sc.KEY_BACKSPACE, sc.KEY_SPACE, sc.KEY_ESCAPE),
     b"\n\t\x08 \x1b"),
    (tap(sc.KEY_KEYPAD_ENTER, sc.KEY_KEYPAD_SLASH, sc.KEY_KEYPAD_STAR), b"\n/*"),
    (tap(KP8, sc.KEY_KEYPAD_MINUS, sc.KEY_KEYPAD_PLUS), b"-+"),   # Num Lock off: KP8 moves
    (tap(NUM) + tap(KP8, 0x52, sc.KEY_KEYPAD_PERIOD), b"80."),
    (tap(NUM) + press(SHIFT) + tap(KP8), b""),
    (tap(sc.KEY_UP, sc.KEY_HOME, sc.KEY_DELETE, sc.KEY_F1, sc.KEY_F12), b""),
    ([0xFA, 0x1E, 0xFE, 0x9E, 0x00, 0xFF], b"a"),                  # replies are skipped
])
def test_typing(data: list[int], expected: bytes) -> None:
    assert typed(data) == expected


@pytest.mark.parametrize("key, bytes_", [
    (sc.KEY_UP, [0xE0, 0x48]), (sc.KEY_DOWN, [0xE0, 0x50]), (sc.KEY_LEFT, [0xE0, 0x4B]),
    (sc.KEY_RIGHT, [0xE0, 0x4D]), (sc.KEY_HOME, [0xE0, 0x47]), (sc.KEY_END, [0xE0, 0x4F]),
    (sc.KEY_INSERT, [0xE0, 0x52]), (sc.KEY_DELETE, [0xE0, 0x53]),
    (sc.KEY_PAGE_UP, [0xE0, 0x49]), (sc.KEY_PAGE_DOWN, [0xE0, 0x51]),
    (sc.KEY_RIGHT_CTRL, [0xE0, 0x1D]), (sc.KEY_RIGHT_ALT, [0xE0, 0x38]),
    (sc.KEY_KEYPAD_ENTER, [0xE0, 0x1C]), (sc.KEY_KEYPAD_SLASH, [0xE0, 0x35]),
    (sc.KEY_LEFT_GUI, [0xE0, 0x5B]), (sc.KEY_MENU, [0xE0, 0x5D]),
    (sc.KEY_PRINT_SCREEN, [0xE0, 0x2A, 0xE0, 0x37]), (sc.KEY_PAUSE, [0xE1, 0x1D, 0x45]),
    (KP8, [0x48]), (sc.KEY_ESCAPE, [0x01]), (sc.KEY_F12, [0x58]),
])
def test_extended_and_plain_key_codes(key: int, bytes_: list[int]) -> None:
    decoder = Decoder()
    events = feed_all(decoder, bytes_)
    assert [(e.key, e.pressed) for e in events] == [(key, True)]
    # Fake shifts do not stick; only a modifier key itself sets its bit.
    assert decoder.modifiers == MODIFIER_BITS.get(key, 0)


def test_print_screen_release_drops_fake_shift() -> None:
    events = feed_all(Decoder(), [0xE0, 0xB7, 0xE0, 0xAA])
    assert [(e.key, e.pressed) for e in events] == [(sc.KEY_PRINT_SCREEN, False)]


def test_tables_are_the_us_layout() -> None:
    assert len(sc.UNSHIFTED) == len(sc.SHIFTED) == sc.KEY_F12 + 1
    for code in range(len(sc.UNSHIFTED)):
        lower, upper = sc.UNSHIFTED[code], sc.SHIFTED[code]
        if chr(lower).isalpha():
            assert upper == ord(chr(lower).upper())
        assert (lower == 0) == (upper == 0), hex(code)
    assert sc.UNSHIFTED[sc.KEY_SPACE] == ord(" ")
    assert sc.UNSHIFTED[0x2C:0x33] == b"zxcvbnm"


@pytest.mark.parametrize("key", KEYS)
def test_every_make_code_has_a_matching_break(key: int) -> None:
    decoder = Decoder()
    down = feed_all(decoder, encode(key, True))
    up = feed_all(decoder, encode(key, False))
    assert [(e.key, e.pressed) for e in down] == [(key, True)]
    assert [(e.key, e.pressed) for e in up] == [(key, False)]
    assert down[0].char == up[0].char
    assert not decoder.extended and decoder.pause_bytes == 0


actions = st.lists(st.tuples(st.sampled_from(KEYS + list(MODIFIER_BITS) * 8
                                             + [CAPS, NUM, SCROLL] * 4), st.booleans()),
                   max_size=60)


@given(actions)
@settings(max_examples=300)
def test_modifier_state_follows_a_model(sequence: list[tuple[int, bool]]) -> None:
    decoder = Decoder()
    held: set[int] = set()
    caps = num = scroll = False
    for key, pressed in sequence:
        if key == CAPS and pressed and CAPS not in held:
            caps = not caps
        if key == NUM and pressed and NUM not in held:
            num = not num
        if key == SCROLL and pressed and SCROLL not in held:
            scroll = not scroll
        (held.add if pressed else held.discard)(key)
        events = feed_all(decoder, encode(key, pressed))
        assert [(e.key, e.pressed) for e in events] == [(key, pressed)]
        expected = sum(bit for k, bit in MODIFIER_BITS.items() if k in held)
        expected |= (sc.MOD_CAPS_LOCK if caps else 0) | (sc.MOD_NUM_LOCK if num else 0)
        assert events[0].modifiers == decoder.modifiers == expected
        assert decoder.scroll_lock == scroll
        assert events[0].shift() == any(k in held for k in (SHIFT, sc.KEY_RIGHT_SHIFT))
        assert events[0].char == sc.character(u8(key), u8(expected))


@given(st.lists(st.integers(0, 255), max_size=200), st.sampled_from(MAKE_CODES))
def test_garbage_never_breaks_the_decoder(noise: list[int], key: int) -> None:
    # After any bytes at all, and a byte that ends a pending sequence, a
    # plain key still decodes (the state machine cannot get stuck).
    decoder = Decoder()
    for b in noise:
        decoder.feed(u8(b))
    for _ in range(2):
        decoder.feed(u8(0xFA))
    assert [(e.key, e.pressed) for e in feed_all(decoder, encode(key, True))] == [(key, True)]


@given(st.sampled_from(range(0x10, 0x33)), st.integers(0, 255))
def test_ctrl_gives_control_codes_for_letters(code: int, modifiers: int) -> None:
    plain = sc.character(u8(code), u8(modifiers & ~int(sc.MOD_CTRL)))
    with_ctrl = sc.character(u8(code), u8(modifiers | sc.MOD_LEFT_CTRL))
    if chr(plain).isalpha():
        assert with_ctrl == plain & 0x1F

"""The shell's key events (kernel/shell/keys.py): one numbering for the
serial terminal and the PS/2 keyboard, and a serial decoder that random
bytes cannot break."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from kernel.drivers import scancode as sc
from kernel.drivers.scancode import Decoder
from kernel.shell import keys
from kernel.shell.keys import SerialKeys
from pythos.lang import u8, u32

CTRL, ALT, SHIFT = int(keys.CTRL), int(keys.ALT), int(keys.SHIFT)


def key(code: int, mods: int = 0) -> int:
    return int(keys.key(u8(code), u32(mods)))


SEQUENCES = [
    (b"\x1b[A", [key(sc.KEY_UP)]),
    (b"\x1b[B", [key(sc.KEY_DOWN)]),
    (b"\x1b[C", [key(sc.KEY_RIGHT)]),
    (b"\x1b[D", [key(sc.KEY_LEFT)]),
    (b"\x1b[H", [key(sc.KEY_HOME)]),
    (b"\x1b[F", [key(sc.KEY_END)]),
    (b"\x1bOH", [key(sc.KEY_HOME)]),
    (b"\x1bOF", [key(sc.KEY_END)]),
    (b"\x1b[1~", [key(sc.KEY_HOME)]),
    (b"\x1b[7~", [key(sc.KEY_HOME)]),
    (b"\x1b[4~", [key(sc.KEY_END)]),
    (b"\x1b[8~", [key(sc.KEY_END)]),
    (b"\x1b[3~", [key(sc.KEY_DELETE)]),
    (b"\x1b[1;5C", [key(sc.KEY_RIGHT, CTRL)]),
    (b"\x1b[1;5D", [key(sc.KEY_LEFT, CTRL)]),
    (b"\x1b[1;2A", [key(sc.KEY_UP, SHIFT)]),
    (b"\x1b[1;3H", [key(sc.KEY_HOME, ALT)]),
    (b"\x1b[3;6~", [key(sc.KEY_DELETE, CTRL | SHIFT)]),
    (b"\x1b[1;5;7C", [key(sc.KEY_RIGHT, CTRL)]),   # a third parameter is ignored
    (b"\x1b[1;99C", [key(sc.KEY_RIGHT)]),          # not a modifier code
    (b"\x01\x05\x15\x0b\x17\x0c\x03", [1, 5, 0x15, 0x0B, 0x17, 0x0C, 3]),
    ("é€😀".encode(), [0xE9, 0x20AC, 0x1F600]),
    (b"\x7f\x08\r\t", [0x7F, 8, 13, 9]),
]


def feed(decoder: SerialKeys, data: bytes) -> list[int]:
    events: list[int] = []
    for b in data:
        n = decoder.feed(u8(b))
        assert n <= 2
        events += [int(decoder.out[i]) for i in range(n)]
    return events


def flush(decoder: SerialKeys) -> list[int]:
    n = decoder.flush()
    return [int(decoder.out[i]) for i in range(n)]


def test_sequences_and_characters():
    for data, expected in SEQUENCES:
        decoder = SerialKeys()
        assert feed(decoder, data) == expected, data
        assert decoder.ready()


def test_a_modifier_does_not_stick_to_the_keys_after_it():
    decoder = SerialKeys()
    assert feed(decoder, b"\x1b[1;5Ax\x1bOA\x1b[B") == [
        key(sc.KEY_UP, CTRL), ord("x"), key(sc.KEY_UP), key(sc.KEY_DOWN)]


def test_sequences_cut_anywhere_across_feeds_decode_the_same():
    for data, expected in SEQUENCES:
        for cut in range(len(data) + 1):
            decoder = SerialKeys()
            assert feed(decoder, data[:cut]) + feed(decoder, data[cut:]) == expected


def test_a_lone_escape_waits_for_the_flush_which_makes_it_the_escape_key():
    decoder = SerialKeys()
    assert feed(decoder, b"\x1b") == [] and not decoder.ready()
    assert flush(decoder) == [key(sc.KEY_ESCAPE)] and decoder.ready()
    assert feed(decoder, b"\x1b[") == [] and flush(decoder) == [] and decoder.ready()


def test_event_kinds():
    assert keys.is_printable(u32(ord("a"))) and keys.is_printable(u32(0x1F600))
    for c in (0, 0x1B, 0x1F, 0x7F, 0x85, 0x9F):
        assert not keys.is_printable(u32(c))
    assert not keys.is_printable(keys.key(sc.KEY_UP)) and not keys.is_printable(keys.NO_EVENT)
    assert keys.is_key(keys.key(sc.KEY_UP)) and not keys.is_key(keys.NO_EVENT)
    event = keys.key(sc.KEY_LEFT, keys.CTRL | keys.SHIFT)
    assert keys.key_code(event) == sc.KEY_LEFT
    assert keys.modifiers(event) == keys.CTRL | keys.SHIFT
    assert keys.modifiers(u32(ord("a"))) == 0


def keyboard(data: bytes) -> list[int]:
    decoder = Decoder()
    events = [int(keys.from_keyboard(decoder.feed(u8(b)))) for b in data]
    return [e for e in events if e != int(keys.NO_EVENT)]


def test_the_ps2_keyboard_gives_the_same_events():
    # a, release; Ctrl down, a (Ctrl-A), Ctrl up; Backspace; Enter; Tab.
    assert keyboard(bytes([0x1E, 0x9E, 0x1D, 0x1E, 0x9E, 0x9D, 0x0E, 0x1C, 0x0F])) == [
        ord("a"), 1, 8, int(keys.LINE_FEED), 9]
    # Up, Delete, Home; Ctrl+Left; Shift+End; Escape.
    assert keyboard(bytes([0xE0, 0x48, 0xE0, 0xC8, 0xE0, 0x53, 0xE0, 0x47,
                           0x1D, 0xE0, 0x4B, 0x9D, 0x2A, 0xE0, 0x4F, 0xAA, 0x01])) == [
        key(sc.KEY_UP), key(sc.KEY_DELETE), key(sc.KEY_HOME), key(sc.KEY_LEFT, CTRL),
        key(sc.KEY_END, SHIFT), key(sc.KEY_ESCAPE)]


PIECES = st.one_of(
    st.binary(max_size=16),
    st.sampled_from([d for d, _ in SEQUENCES]).flatmap(
        lambda d: st.integers(0, len(d)).map(lambda n: d[:n])),  # sequences cut short
    st.sampled_from([b"\x00", b"\xff", b"\x1b", b"\x1b[", b"\x1b[" + b"9" * 40, b"\x1b[;;;;;;;;",
                     b"\xc3", b"\xf0\x9f", b"\x1bO"]),
)


@settings(max_examples=6, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=40), st.integers(0, 2**32))
def test_100_kb_of_random_bytes_never_raise_and_end_in_the_ready_state(pieces, seed):
    """Pieces of sequences and garbage from Hypothesis, repeated and mixed
    with seeded random bytes up to 100 KB."""
    rnd = random.Random(seed)
    chunk = b"".join(pieces) or b"x"
    data = bytearray()
    while len(data) < 100_000:
        data += chunk if rnd.random() < 0.5 else rnd.randbytes(len(chunk))
    decoder = SerialKeys()
    for event in feed(decoder, bytes(data)) + flush(decoder):
        assert event <= 0x10FFFF or (keys.is_key(u32(event)) and event & 0xFEFFF800 == 0)
    assert decoder.ready()
    # And the decoder still understands what comes next.
    assert feed(decoder, b"\x1b[1;5Dq") == [key(sc.KEY_LEFT, CTRL), ord("q")]

"""bytes objects (pythos/rt/obj/bytes.py), compiled at -O0 and -O2,
against CPython's bytes: encode and decode (with the codec's error
messages, reported as UnicodeDecodeError), indexing, slicing, search, repr, hex.
Every run ends with no live objects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.rt import strops

SAMPLES = [b"", b"a", b"abc", b"a'b", b'a"b', b"a'\"b", b"\\", b"\x00\x7f\x80\xff",
           b"\t\n\r\x0b", "héllo €𝄞".encode(), b"abcabcab"]


@pytest.fixture(scope="module", params=[0, 2])
def exe(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return strops.build(tmp_path_factory.mktemp("bytes"), request.param)


def test_bytes_basics(exe: Path) -> None:
    ops: list[tuple[Any, ...]] = []
    for b in SAMPLES:
        ops += [("blen", b), ("brepr", b), ("hex", b), ("bhash", b), ("bitem_text", b)]
        ops += [("bgetitem", b, i) for i in (-5, -1, 0, 1, 4)]
        for start, stop, step in ((None, None, None), (1, None, None), (None, -1, 2),
                                  (None, None, -1), (5, 1, -2), (-100, 100, 3),
                                  (None, None, 0), (None, None, -(1 << 63)),
                                  ((1 << 63) - 1, -(1 << 63), -(1 << 63))):
            ops.append(("bslice", b, start, stop, step))
        for other in SAMPLES[:6]:
            ops += [("bconcat", b, other), ("beq", b, other), ("bcontains", b, other),
                    ("blt", b, other)]
        for sub in (b"", b"a", b"bc", b"\xff", b"zz"):
            for start, end in ((None, None), (1, None), (-2, None), (None, -1), (4, 2),
                               (100, None)):
                ops += [("bstartswith", b, sub, start, end), ("bfind", b, sub, start, end),
                        ("brfind", b, sub, start, end), ("bcount", b, sub, start, end)]
    strops.check(exe, ops)


def test_encode_and_decode(exe: Path) -> None:
    ops: list[tuple[Any, ...]] = [("encode", s) for s in ("", "abc", "héllo €𝄞", "日本語")]
    ops += [("decode", b) for b in SAMPLES]
    # Each kind of bad UTF-8, as CPython's codec reports it.
    bad = [b"\xff", b"\x80", b"a\xc0\x80", b"\xc1\xbf", b"\xe0\x80\x80", b"\xe0\xa0",
           b"\xed\xa0\x80", b"\xf0\x80\x80\x80", b"\xf4\x90\x80\x80", b"\xf5", b"\xe2\x82",
           b"\xe2\x82A", b"\xe2A", b"\xf0\x9d\x84", b"ok\xf0\x9d\x84\x9e\xc3"]
    ops += [("decode", b) for b in bad]
    # A lone surrogate (chr can make one) has no UTF-8 encoding.
    ops += [("encode", "a\ud800"), ("encode", "é\udfff")]
    strops.check(exe, ops)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.binary(max_size=8), st.binary(max_size=2),
                          st.none() | st.integers(-10, 10), st.none() | st.integers(-10, 10),
                          st.none() | st.integers(-3, 3).filter(bool)),
                min_size=1, max_size=10))
def test_random_bytes(exe: Path, cases: list[tuple[bytes, bytes, Any, Any, Any]]) -> None:
    ops: list[tuple[Any, ...]] = []
    for b, sub, start, stop, step in cases:
        ops += [("decode", b), ("brepr", b), ("bslice", b, start, stop, step),
                ("bfind", b, sub, start, stop), ("brfind", b, sub, start, stop),
                ("bcount", b, sub, start, stop),
                ("bstartswith", b, sub, start, stop), ("beq", b, sub)]
    strops.check(exe, ops)

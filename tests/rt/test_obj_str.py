"""str objects (pythos/rt/obj/str.py, strmethods.py), compiled at -O0 and
-O2, against CPython's own str: fixed cases with non-ASCII text (é, €, 𝄞,
CJK), then Hypothesis over random text.  Every run ends with no live
objects (tests/rt/strops.py checks the interpreter's last line)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.rt import strops

WORDS = ["", "a", "abc", "héllo", "€uro", "𝄞 music", "日本語のテキスト", "a b\tc\n", "ÀÉÎõüÿ",
         "x'y", 'x"y', "x'\"y", "\\", "ß", "µ", "Straße", "İ", "ǅ", "Σς", "１２３", "٣٤",
         "²", "½", "\x00\x1f\x7f\x80\xa0\xad", "\u2028\u3000\ufeff\U000e0001"]





@pytest.fixture(scope="module", params=[0, 2])
def exe(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return strops.build(tmp_path_factory.mktemp("str"), request.param)


def test_lengths_comparison_and_hashing(exe: Path) -> None:
    ops: list[tuple[Any, ...]] = []
    for a in WORDS:
        ops += [("len", a), ("hash", a), ("repr", a), ("item_text", a)]
        for b in WORDS[:12]:
            ops += [("eq", a, b), ("lt", a, b), ("le", a, b), ("concat", a, b),
                    ("contains", a, b), ("item_compare", a, b)]
    strops.check(exe, ops)


def test_hash_of_static_strings(exe: Path) -> None:
    """A static (IMMORTAL) str is never written to, since it may be in
    read-only memory; its hash is the documented function of its UTF-8,
    which the compiler can compute in advance."""
    strops.check(exe, [("static_hash", s) for s in WORDS])


def test_repeat_index_and_slice(exe: Path) -> None:
    ops: list[tuple[Any, ...]] = []
    for s in ["héllo €𝄞", "abcdef", "", "日本語"]:
        ops += [("repeat", s, n) for n in (-1, 0, 1, 3)] + [("iterate", s)]
        ops += [("getitem", s, i) for i in range(-10, 10)]
        for step in (None, 1, 2, -1, -2, 3, 0):
            for start in (None, -100, -3, 0, 2, 100):
                for stop in (None, -100, -1, 0, 4, 100):
                    ops.append(("slice", s, start, stop, step))
        big = (1 << 63) - 1
        ops += [("slice", s, None, None, -big - 1), ("slice", s, -big - 1, big, big),
                ("slice", s, big, -big - 1, -big - 1), ("slice", s, None, None, big)]
    strops.check(exe, ops)


def test_str_of_integers_and_format_specs(exe: Path) -> None:
    ops: list[tuple[Any, ...]] = [("from_i64", v) for v in (0, -1, 42, -(1 << 63), (1 << 63) - 1)]
    ops += [("from_u64", v) for v in (0, 7, (1 << 64) - 1)]
    for v in (0, 5, -5, 1234567, -1234567, (1 << 63) - 1, -(1 << 63)):
        for spec in ("", "d", "x", "#X", "#o", "b", "08", "+08", "-^9", "_", ",", "#010_x",
                     "*<12", "é>7", "=+10", " 5", "020,", "€^11_b"):
            ops.append(("format_int", v, spec))
    for s in ("", "é€", "abc"):
        for spec in ("", "5", "<6", ">6", "^7", "*^8", "€>4", "0>5"):
            ops.append(("format_str", s, spec))
    strops.check(exe, ops)


INT_TEXTS = ["0", "42", "-42", "+7", "  12  ", "\t-3\n", "1_000", "1__0", "_1", "1_", "0x1f",
             "0X1F", "0o17", "0b101", "0x_1f", "0_0", "010", "00", "09", "", " ", "-", "+-1",
             "x", "12a", "٣٤", "\u00a012\u3000", "\x1c5", "9223372036854775807",
             "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
             "99999999999999999999999", "z", "Z", "1e5", "é", "0x", "0b2", "7" * 250,
             "x" * 250, "é" * 300 + "'", "1" * 4301, "1" * 4301 + "x", "1_" * 2200,
             "0" * 4301, " " + "1" * 4400 + "__", "0" * 4300]


def test_int_parsing(exe: Path) -> None:
    ops: list[tuple[Any, ...]] = []
    for text in INT_TEXTS:
        for base in (10, 0, 16, 2, 36):
            ops.append(("to_int", text, base))
    ops += [("to_int", "1", 1), ("to_int", "1", 37), ("to_int", "1", -1)]
    strops.check(exe, ops)


def test_ord_and_chr(exe: Path) -> None:
    ops: list[tuple[Any, ...]] = [("ord", s) for s in ("a", "é", "€", "𝄞", "", "ab", "日本")]
    ops += [("chr", n) for n in (0, 65, 0xE9, 0x20AC, 0x1D11E, 0x10FFFF, 0x110000, -1,
                                 0xD800)]
    strops.check(exe, ops)


def test_split_and_join(exe: Path) -> None:
    texts = ["a,b,,c", ",a,", "", "  a  b c  ", "é€,𝄞,日本", "a\u3000b\xa0c\u2028d", "aaa",
             "one::two::three", "\n\nx\r\ny\rz\x0b\x0c\x1c\x85\u2029w\n"]
    ops: list[tuple[Any, ...]] = []
    for s in texts:
        for sep in (None, ",", "::", "a", "𝄞", "", "zz"):
            for n in (-1, 0, 1, 2, 5):
                ops += [("split", s, sep, n), ("rsplit", s, sep, n)]
        ops += [("splitlines", s, False), ("splitlines", s, True)]
        ops += [("partition", s, sep) for sep in (",", "::", "€", "", "q")]
        ops += [("rpartition", s, sep) for sep in (",", "::", "€", "", "q")]
    ops += [("join", ", "), ("join", "-", "a"), ("join", "€", "é", "", "日本", "𝄞"),
            ("join", "", "x", "y")]
    strops.check(exe, ops)


def test_strip_search_replace(exe: Path) -> None:
    ops: list[tuple[Any, ...]] = []
    for s in ["  héllo  ", "\t\n x \u3000", "xxhixx", "€€a€", "", "abcabcab", "日本日本語"]:
        for chars in (None, "x", "€a", "", " h", "日"):
            ops += [("strip", s, chars), ("lstrip", s, chars), ("rstrip", s, chars)]
        for sub in ("", "a", "ab", "€", "日本", "zz", s):
            for start, end in ((None, None), (1, None), (-3, None), (None, -1), (2, 5),
                               (5, 2), (100, None), (None, 100), (-100, -50), (0, 0)):
                ops += [(op, s, sub, start, end) for op in
                        ("find", "rfind", "index", "rindex", "count", "startswith",
                         "endswith")]
        for old, new in (("a", "XY"), ("", "-"), ("€", ""), ("日本", "に"), ("q", "r")):
            ops += [("replace", s, old, new, n) for n in (-1, 0, 1, 2)]
    strops.check(exe, ops)


CASE_TEXTS = ["ΟΔΟΣ", "ΣΑΣ ΣΟΦΟΣ.", "Σ", "AΣ'", "A'Σ", "AΣ'B", "A\u0301Σ", "ΣΑ", "1Σ",
              "İstanbul", "ﬁre ﬂy", "Ǆǅǆ", "ŉ", "Ǳ", "ΐ", "Привет Мир", "ÿŸ", "ẞ", "Ⓐⓐ",
              "𐐀𐐨", "ꭰ", "ᾳ ᾼ"]


CASE_OPS = ("upper", "lower", "isupper", "islower", "title", "capitalize", "swapcase",
            "casefold")


def test_case_mapping_beyond_latin1(exe: Path) -> None:
    texts = CASE_TEXTS + ["hello world", "HELLO wORLD", "they're bill's", "ǆemal ǅ", "ßtraße",
                          "ΣΑΣ. σας", "ﬁ ﬂ", "123abc DEF", "", " a"]
    strops.check(exe, [(op, s) for s in texts for op in CASE_OPS])


def test_case_tests_and_padding(exe: Path) -> None:
    ops: list[tuple[Any, ...]] = []
    for s in WORDS + ["ABC", "Abc", "ABC1", "abc1", "A1 b", "123", "12.5", " ", "\t\n"]:
        ops += [(op, s) for op in ("upper", "lower", "isdigit", "isalpha", "isspace",
                                   "isalnum", "isupper", "islower", "isdecimal",
                                   "isnumeric", "isprintable")]
        for w in (-1, 0, 3, 8, 9):
            ops += [("ljust", s, w), ("rjust", s, w, "€"), ("center", s, w),
                    ("center", s, w, "*"), ("zfill", s, w)]
    ops += [("zfill", "-42", 6), ("zfill", "+é", 4), ("zfill", "--", 4),
            ("ljust", "a", 3, "ab"), ("center", "a", 3, "")]
    strops.check(exe, ops)


# ----- Hypothesis: random text against CPython ------------------------------------------

# ASCII letters and punctuation, Latin-1, BMP (Greek, CJK, symbols), astral
# characters, and whitespace of every kind split() and strip() know.
ALPHABET = st.sampled_from(
    list("abcAB01_-+ x,.'\"\\") + list("éÿßÀµ\xa0\xad") + list("€Σς日本語\u2028\u3000\ufeff")
    + ["𝄞", "😀", "\U000e0001"] + list("\t\n\r\x0b\x0c\x1c\x85")
    + list("ΣİﬁǅŉДд\u0301"))
TEXT = st.text(ALPHABET, max_size=12)
SHORT = st.text(ALPHABET, max_size=3)
INDEX = st.none() | st.integers(-15, 15) | st.sampled_from([-(1 << 63), (1 << 63) - 1])


def run_random(exe: Path, ops: list[tuple[Any, ...]]) -> None:
    strops.check(exe, ops)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(TEXT, st.one_of(st.none(), SHORT.filter(bool)), st.integers(-1, 4),
                          SHORT), min_size=1, max_size=8))
def test_random_split_strip_partition(exe: Path, cases: list[tuple[str, Any, int, str]]) -> None:
    ops: list[tuple[Any, ...]] = []
    for s, sep, n, chars in cases:
        ops += [("split", s, sep, n), ("rsplit", s, sep, n), ("strip", s, None),
                ("strip", s, chars), ("lstrip", s, chars), ("rstrip", s, chars),
                ("splitlines", s, n & 1)]
        if sep is not None:
            ops += [("partition", s, sep), ("rpartition", s, sep), ("join", sep, s, chars, s)]
    run_random(exe, ops)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(TEXT, SHORT, INDEX, INDEX, SHORT, st.integers(-1, 3)), min_size=1,
                max_size=8))
def test_random_find_replace_count(exe: Path,
                                   cases: list[tuple[str, str, Any, Any, str, int]]) -> None:
    ops: list[tuple[Any, ...]] = []
    for s, sub, start, end, new, n in cases:
        ops += [(op, s, sub, start, end) for op in ("find", "rfind", "index", "rindex",
                                                     "count", "startswith", "endswith")]
        ops += [("replace", s, sub, new, n), ("contains", s, sub), ("eq", s, sub),
                ("lt", s, sub), ("le", sub, s)]
    run_random(exe, ops)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(TEXT, INDEX, INDEX, st.none() | st.integers(-4, 4).filter(bool),
                          st.integers(-15, 15)), min_size=1, max_size=8))
def test_random_slices_and_repr(exe: Path, cases: list[tuple[str, Any, Any, Any, int]]) -> None:
    ops: list[tuple[Any, ...]] = []
    for s, start, stop, step, i in cases:
        ops += [("slice", s, start, stop, step), ("getitem", s, i), ("repr", s), ("len", s),
                ("iterate", s),
                ("upper", s), ("lower", s), ("title", s), ("capitalize", s),
                ("swapcase", s), ("casefold", s), ("isspace", s), ("isalpha", s), ("isupper", s),
                ("islower", s), ("isprintable", s), ("center", s, i, "€"), ("hash", s)]
    run_random(exe, ops)


INT_ALPHABET = st.sampled_from(list("0123456789abcfxXoObB_+- \t\n") + ["٣", "\u3000", "\xa0",
                                                                          "é", "\x1c"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.text(INT_ALPHABET, max_size=10)
                          | st.integers(-(1 << 64), 1 << 64).map(str),
                          st.sampled_from([0, 2, 8, 10, 16, 36])), min_size=1, max_size=10))
def test_random_int_parsing(exe: Path, cases: list[tuple[str, int]]) -> None:
    run_random(exe, [("to_int", text, base) for text, base in cases])

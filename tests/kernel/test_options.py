"""Host tests of kernel/options.py: the command line as a dict[str, str],
compared with what str.split and str.partition give."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kernel import options

from .helpers import FakeMemory, span_of


def reference(line: str) -> dict[str, str]:
    """The same rules, written with the str methods."""
    words = line.replace("\t", " ").split(" ")
    words = [w for w in words if w]
    if words and words[0].startswith("/"):
        words = words[1:]
    out: dict[str, str] = {}
    for word in words:
        key, _, value = word.partition("=")
        out[key] = value
    return out


@pytest.mark.parametrize(("line", "expected"), [
    ("/boot/kernel.elf panic=test", {"panic": "test"}),
    ("  quiet\tloglevel=debug ", {"quiet": "", "loglevel": "debug"}),
    ("panic=a bench=irq panic=b", {"panic": "b", "bench": "irq"}),
    ("x=1=2 =v", {"x": "1=2", "": "v"}),
    ("run=/bin/sh", {"run": "/bin/sh"}),
    ("", {}),
])
def test_parse(line: str, expected: dict[str, str]) -> None:
    assert options.parse(line) == expected


def test_parse_keeps_the_order_keys_first_appear_in() -> None:
    assert list(options.parse("b=1 a=2 b=3")) == ["b", "a"]


@given(st.lists(st.sampled_from(["a", "b", "=", " ", "\t", "/", "é", "panic", "x1"]),
                max_size=30))
def test_parse_agrees_with_the_str_methods(pieces: list[str]) -> None:
    line = "".join(pieces)
    assert options.parse(line) == reference(line)


def test_unknown_lists_what_the_kernel_does_not_act_on() -> None:
    given_options = options.parse("/k panic=test hello verbose=2 loglevel=info")
    assert options.unknown(given_options) == ["hello", "verbose=2"]


@given(st.binary(max_size=40))
def test_text_decodes_like_cpython_with_replacement(data: bytes) -> None:
    memory = FakeMemory(64)
    span = span_of(memory, data)
    assert options.text(span) == data.decode("utf-8", "replace")


def test_every_known_option_is_one_kmain_acts_on() -> None:
    """KNOWN must follow kmain: an option it reads is not "unknown"."""
    source = (Path(__file__).resolve().parents[2] / "kernel" / "kmain.py").read_text()
    for key in options.KNOWN_OPTIONS.split():
        assert options.is_known(key)
        assert f'"{key}"' in source, key
    assert not options.is_known("hello")

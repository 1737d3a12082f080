"""The kernel's test-selection parsing (kernel/testing.py) and the host
runner's discovery and registry generation (pythos/kernel_tools/ktest.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kernel.cmdline as cmdline_module
from kernel.bytespan import ByteSpan
from kernel.testing import Selection, parse_selection
from pythos.kernel_tools import ktest
from pythos.lang import Array, addr_of, i64, u8, u64

TEST_COUNT = 18


def select(cmdline: bytes, test_count: int = TEST_COUNT) -> Selection:
    """Find test= the way kmain does, then parse its value."""
    buf = Array[u8, 128]()
    for i, b in enumerate(cmdline):
        buf[i] = b
    line = ByteSpan()
    line.set(addr_of(buf), u64(len(cmdline)))
    value = ByteSpan()
    out = Selection()
    if cmdline_module.find_option(line, "test", value):
        parse_selection(value, i64(test_count), out)
    return out


@pytest.mark.parametrize("cmdline, expected", [
    (b"", (False, 0, 0, False)),
    (b"quiet panic=test", (False, 0, 0, False)),
    (b"test=all", (True, 0, -1, True)),
    (b"/boot/kernel.elf test=all", (True, 0, -1, True)),
    (b"test=7", (True, 7, 7, False)),
    (b"test=0", (True, 0, 0, False)),
    (b"test=17", (True, 17, 17, False)),
    (b"test=12-", (True, 12, -1, True)),
    (b"test=007", (True, 7, 7, False)),
    (b"contest=3", (False, 0, 0, False)),
])
def test_parse_selection(cmdline: bytes, expected: tuple[bool, int, int, bool]) -> None:
    s = select(cmdline)
    assert not s.present or s.valid
    got = (s.present, s.first, s.last, s.skip_should_panic) if s.present else (
        False, 0, 0, False)
    assert got == expected


@pytest.mark.parametrize("value", [
    b"", b"garbage", b"-", b"3x", b"x3", b"1-2", b"--", b"3--", b"-3", b"ALL", b"all-",
    b"18", b"18-", b"100", b"18446744073709551615", b"18446744073709551616",
    b"99999999999999999999999999", b"9223372036854775807", b" 3",
])
def test_bad_selectors_are_rejected(value: bytes) -> None:
    # Before: "garbage" ran test 0 and 2**64 - 1 wrapped to test -1.
    s = select(b"test=" + value)
    assert s.present and not s.valid


@pytest.mark.parametrize("value", [b"all", b"0", b"0-"])
def test_a_kernel_without_tests_accepts_no_selector(value: bytes) -> None:
    s = select(b"test=" + value, test_count=0)
    assert s.present and not s.valid


@given(st.text(alphabet="0123456789-al", max_size=24), st.integers(0, 40))
def test_selection_matches_a_model(text: str, count: int) -> None:
    s = select(b"test=" + text.encode(), count)
    if text == "all":
        assert s.valid == (count > 0) and (s.first, s.last) == (0, -1)
        return
    body = text[:-1] if text.endswith("-") else text
    ok = body.isdigit() and int(body) < count
    assert s.valid == ok
    if ok:
        assert s.first == int(body)
        assert s.last == (-1 if text.endswith("-") else int(body))


def test_discovery_finds_tests_and_should_panic_marks() -> None:
    tests = {t.qualname: t for t in ktest.discover()}
    t = tests["kernel.tests.test_runtime.test_index_out_of_range_panics"]
    assert t.should_panic and t.expected == "index 64 out of range"
    assert not tests["kernel.tests.test_runtime.test_integer_semantics"].should_panic


def test_generated_registry_type_checks(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pythos.driver import compile_file
    from pythos.target import FREESTANDING
    source = ktest.generate_registry(ktest.discover())
    path = tmp_path / "registry_check.py"
    # Tests may allocate objects and have module-level code, so this kmain
    # starts the object runtime and runs that code first, as the real one
    # does (pythos/check/startup.py).
    path.write_text(source + "\n\nfrom pythos.lang import export, u32, u64\n"
                    "from pythos.rt.obj.runtime import init_all, init_modules\n\n"
                    "@export(\"kmain\")\ndef kmain(magic: u32, info: u64) -> None:\n"
                    "    init_all()\n    init_modules()\n    run_test(0)\n")
    compile_file(path, FREESTANDING, 0, stop_after="check")

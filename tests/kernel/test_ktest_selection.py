"""The kernel's test-selection parsing (kernel/testing.py) and the host
runner's discovery and registry generation (pythos/ktest.py)."""

from __future__ import annotations

import pytest

import kernel.cmdline as cmdline_module
from kernel.bytespan import ByteSpan
from kernel.testing import Selection, parse_selection
from pythos import ktest
from pythos.lang import Array, addr_of, u8, u64


def select(cmdline: bytes) -> Selection:
    """Find test= the way kmain does, then parse its value."""
    buf = Array[u8, 128]()
    for i, b in enumerate(cmdline):
        buf[i] = b
    line = ByteSpan()
    line.set(addr_of(buf), u64(len(cmdline)))
    value = ByteSpan()
    out = Selection()
    if cmdline_module.find_option(line, "test", value):
        parse_selection(value, out)
    return out


@pytest.mark.parametrize("cmdline, expected", [
    (b"", (False, 0, 0, False)),
    (b"quiet panic=test", (False, 0, 0, False)),
    (b"test=all", (True, 0, -1, True)),
    (b"/boot/kernel.elf test=all", (True, 0, -1, True)),
    (b"test=7", (True, 7, 7, False)),
    (b"test=12-", (True, 12, -1, True)),
    (b"contest=3", (False, 0, 0, False)),
])
def test_parse_selection(cmdline: bytes, expected: tuple[bool, int, int, bool]) -> None:
    s = select(cmdline)
    got = (s.present, s.first, s.last, s.skip_should_panic) if s.present else (
        False, 0, 0, False)
    assert got == expected


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
    path.write_text(source + "\n\nfrom pythos.lang import export, u32, u64\n\n"
                    "@export(\"kmain\")\ndef kmain(magic: u32, info: u64) -> None:\n"
                    "    run_test(0)\n")
    compile_file(path, FREESTANDING, 0, stop_after="check")

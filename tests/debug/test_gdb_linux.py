"""gdb on a Linux program compiled with `pythos compile -g`: breakpoints on
Python lines, `next`, `bt` with files and lines, `print` of struct fields,
arrays, pointers and globals, `finish`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import PROGRAM, compile_debug, marked_line, run_gdb

SOURCE = "tests/debug/program.py"


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_debug(PROGRAM, tmp_path_factory.mktemp("gdb") / "program")


def test_break_at_a_line_then_next_and_bt(program: Path) -> None:
    product = marked_line(PROGRAM, "product")
    output = run_gdb(program, [f"break {SOURCE}:{product}", "run", "bt", "print p",
                               "print p.y", "print factor", "next", "print product", "next"])
    assert f"Breakpoint 1, scaled (p=..., factor=5) at {SOURCE}:{product}" in output
    frames = re.findall(r"^#(\d+)\s+(?:0x[0-9a-f]+ in )?(\w+) \(.*?\) at (\S+):(\d+)$", output,
                        flags=re.M)
    assert frames == [
        ("0", "scaled", SOURCE, str(product)),
        ("1", "describe", SOURCE, str(marked_line(PROGRAM, "describe"))),
        ("2", "main", SOURCE, str(marked_line(PROGRAM, "main"))),
    ]
    assert "= {x = 3, y = 4}" in output
    assert re.search(r"^\$2 = 4$", output, flags=re.M)
    assert re.search(r"^\$3 = 5$", output, flags=re.M)
    # `next` goes to the following Python line, and the store happened.
    assert re.search(rf"^{product + 1}\s+result = product \* factor", output, flags=re.M)
    assert re.search(r"^\$4 = 12$", output, flags=re.M)
    assert re.search(rf"^{product + 2}\s+return result", output, flags=re.M)


def test_break_at_a_function_and_print_struct_array_pointer_global(program: Path) -> None:
    output = run_gdb(program, ["break describe", "run", "print s.corner", "print/d s.tags",
                               "print s.sides", "print s.next->corner.y", "print COUNTER",
                               "ptype s", "finish"])
    line = marked_line(PROGRAM, "describe")
    assert f"Breakpoint 1, describe (s=...) at {SOURCE}:{line}" in output
    assert "$1 = {x = 3, y = 4}" in output
    assert "$2 = {0, 9, 0, 0}" in output
    assert "$3 = 5" in output
    assert "$4 = 4" in output
    assert "$5 = 7" in output
    assert re.search(r"type = struct Shape \{\s*struct Point corner;\s*u8 tags\[4\];\s*"
                     r"struct Shape \*next;\s*u16 sides;\s*\}", output), output
    assert "Value returned is $6 = 69" in output

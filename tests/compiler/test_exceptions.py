"""Exceptions (issue 12): differential tests that compare everything.

Each program in tests/programs/exc/ runs under CPython and compiled at
-O0 and -O2 (with the leak check).  Standard output, the exit status and
standard error must agree: an uncaught exception prints CPython's
traceback, frame by frame.  Three differences are allowed and normalised
here, as docs/language.md says: the `^^^^` markers CPython 3.11 puts
under some source lines are left out, files are named as the compiler
was given them (CPython names them as Python was), and the address in
`<generator object f at 0x...>` (the report of an exception escaping the
close of a dropped generator) is the frame's own.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PROGRAMS, ROOT, env, run_compiled, run_cpython

CASES = sorted((PROGRAMS / "exc").glob("*.py"))
MARKERS = re.compile(r"^\s*[~^]+\s*$")
FILE = re.compile(r'File "(?:[^"]*/)?([^/"]+)"')
ADDRESS = re.compile(r" at 0x[0-9a-f]+>")


def normalised(stderr: bytes) -> list[str]:
    return [ADDRESS.sub(" at 0x...>", FILE.sub(r'File "\1"', line))
            for line in stderr.decode().splitlines() if not MARKERS.match(line)]


@pytest.mark.parametrize("opt", [0, 2])
@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_program_matches_cpython_with_its_traceback(path: Path, opt: int,
                                                   tmp_path: Path) -> None:
    expected = run_cpython(path)
    actual = run_compiled(path, tmp_path, opt)
    assert actual.stdout.decode() == expected.stdout.decode()
    assert normalised(actual.stderr) == normalised(expected.stderr)
    assert actual.returncode == expected.returncode


def test_corpus_covers_the_issue() -> None:
    assert len(CASES) >= 7


def ir_of(tmp_path: Path, source: str) -> str:
    prog = tmp_path / "prog.py"
    prog.write_text(source)
    return subprocess.run(
        [sys.executable, "-m", "pythos", "compile", str(prog), "-O0", "--dump", "ir"], cwd=ROOT,
        env=env(), capture_output=True, text=True, check=True).stdout


def test_a_call_that_cannot_raise_has_no_test_after_it(tmp_path: Path) -> None:
    source = ("def add(a: int, b: int) -> int:\n    return a | b\n\n\n"
              "def get(xs: list[int]) -> int:\n    return xs[0]\n\n\n"
              "def main() -> None:\n    xs = [1]\n    print(add(1, 2))\n    print(get(xs))\n")
    ir = ir_of(tmp_path, source)
    main = ir[ir.index("def __main__.main"):]
    # get() can raise IndexError, so its call is followed by a test; add()
    # cannot, so the test after it was removed.
    assert main.count("obj_failed") == 1
    assert "tb_add" in main

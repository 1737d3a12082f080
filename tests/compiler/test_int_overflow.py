"""OverflowError for the plain `int` (issue 12): where compiled code and
CPython must differ, loudly.

A plain `int` is 64 bits compiled and unbounded under CPython.  Arithmetic
that leaves the 64-bit range raises OverflowError compiled (or panics,
in a program without exceptions or in interrupt context), where CPython
would give the bigger number; `i64` and the other sized types wrap in both
worlds.  So these programs are not compared with CPython: each one's
expected standard output, standard error and exit status are written next
to it (`NAME.expected`: the status on the first line, then `--- stdout`
and `--- stderr` sections), checked at -O0 and -O2 with the leak check.
The differential program tests/programs/int_i64_wraps.py checks the other
half: `i64` keeps wrapping exactly as CPython's pythos.lang does.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .conftest import PROGRAMS, ROOT, compile_program, env, run_cpython
from .test_exceptions import ir_of, normalised

CASES = sorted((PROGRAMS / "overflow").glob("*.py"))


def expected_of(path: Path) -> tuple[int, str, str]:
    text = path.with_suffix(".expected").read_text()
    status, rest = text.split("\n", 1)
    stdout, stderr = rest.removeprefix("--- stdout\n").split("--- stderr\n")
    return int(status), stdout, stderr


@pytest.mark.parametrize("opt", [0, 2])
@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_overflow_program_gives_its_expected_output(path: Path, opt: int,
                                                    tmp_path: Path) -> None:
    status, stdout, stderr = expected_of(path)
    exe = tmp_path / path.stem
    built = compile_program(path.relative_to(ROOT), exe, opt)
    assert built.returncode == 0, built.stderr.decode()
    run = subprocess.run([str(exe)], cwd=ROOT, capture_output=True, timeout=60, env=env())
    assert run.stdout.decode() == stdout
    assert normalised(run.stderr) == normalised(stderr.encode())
    assert run.returncode == status


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_cpython_agrees_until_the_first_overflow(path: Path) -> None:
    """Every line printed before the overflow is CPython's too: the
    programs differ from CPython only where a result leaves 64 bits."""
    _, stdout, _ = expected_of(path)
    ours = stdout.splitlines()
    theirs = run_cpython(path).stdout.decode().splitlines()
    first = next(i for i, line in enumerate(ours) if "does not fit in 64 bits" in line) \
        if any("does not fit in 64 bits" in line for line in ours) else len(ours)
    assert ours[:first] == theirs[:first]


def test_overflow_check_is_an_intrinsic_and_cold(tmp_path: Path) -> None:
    """`a + b` of ints is one `overflows add` test (an LLVM intrinsic, a
    `jo` in the machine code) with the raise on its cold path; of i64s,
    a plain add."""
    source = ("from pythos.lang import i64\n\n\n"
              "def plain(a: int, b: int) -> int:\n    return a + b\n\n\n"
              "def sized(a: i64, b: i64) -> i64:\n    return a + b\n\n\n"
              "def main() -> None:\n    print(plain(1, 2), sized(i64(1), i64(2)))\n")
    ir = ir_of(tmp_path, source)
    plain = ir[ir.index("def __main__.plain"):ir.index("def __main__.sized")]
    sized = ir[ir.index("def __main__.sized"):ir.index("def __main__.main")]
    assert "overflows add" in plain and "add nsw" in plain, plain
    assert "overflows" not in sized and "obj_raise" not in sized, sized


def test_no_overflow_check_under_a_constant_mask(tmp_path: Path) -> None:
    """`(a * b + c) & 0xFFFF` keeps only low bits, which are the same
    wrapped or grown, so its `*` and `+` are not checked; `(a * b) >> 3`
    needs the high bits, and `& -256` keeps them: both stay checked."""
    source = ("def masked(a: int, b: int, c: int) -> int:\n"
              "    return (a * b + (c << 7)) & 0xFFFF\n\n\n"
              "def shifted(a: int, b: int) -> int:\n    return ((a * b) >> 3) & 0xFF\n\n\n"
              "def negative(a: int, b: int) -> int:\n    return (a * b) & -256\n\n\n"
              "def main() -> None:\n"
              "    print(masked(1, 2, 3), shifted(4, 5), negative(6, 7))\n")
    ir = ir_of(tmp_path, source)
    masked = ir[ir.index("def __main__.masked"):ir.index("def __main__.shifted")]
    shifted = ir[ir.index("def __main__.shifted"):ir.index("def __main__.negative")]
    negative = ir[ir.index("def __main__.negative"):ir.index("def __main__.main")]
    assert "overflows" not in masked and "obj_raise" not in masked, masked
    assert "overflows mul" in shifted, shifted
    assert "overflows mul" in negative, negative

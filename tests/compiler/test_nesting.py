"""Deeply nested programs: what CPython's compiler accepts compiles, and
anything deeper gets a located diagnostic (parse.MAX_NESTING), never an
internal error.  CPython itself gives up on `x + x + ...` near 3,000
terms; the compiler runs its stages on a deep stack (driver.on_deep_stack)
so that every stage can recurse that far."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from pythos.parse import MAX_NESTING

from .conftest import env


def program(expression: str, setup: str = "x = 1") -> str:
    return (f"from pythos.lang import u8\n\n\ndef main() -> None:\n    {setup}\n"
            f"    y = {expression}\n    print(y)\n\n\nif __name__ == \"__main__\":\n    main()\n")


def pythos(tmp_path: Path, source: str, *args: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "deep.py"
    path.write_text(source)
    return subprocess.run([sys.executable, "-m", "pythos", *args, "deep.py"], cwd=tmp_path,
                          env=env(), capture_output=True, text=True, timeout=300)


def cpython(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "deep.py"], cwd=tmp_path, env=env(),
                          capture_output=True, text=True, timeout=300)


def assert_located(result: subprocess.CompletedProcess[str], line: int, message: str) -> None:
    assert "Traceback" not in result.stderr and "internal" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    assert re.match(rf"deep\.py:{line}:\d+: error: .*{message}", result.stderr), result.stderr


@pytest.mark.parametrize("terms", [2000, MAX_NESTING - 10])
def test_long_chain_compiles_and_matches_cpython(terms: int, tmp_path: Path) -> None:
    # A u8 chain, so that the compiled sum has to wrap exactly as CPython's.
    result = pythos(tmp_path, program(" + ".join(["x"] * terms), "x = u8(3)"), "exec", "-O0")
    assert result.returncode == 0, result.stderr
    assert result.stdout == cpython(tmp_path).stdout == f"{3 * terms % 256}\n"


def test_chain_of_3000_terms_is_located(tmp_path: Path) -> None:
    result = pythos(tmp_path, program(" + ".join(["x"] * 3000)), "check")
    assert_located(result, 6, f"nested more than {MAX_NESTING} levels deep")


def test_chain_of_100000_terms_is_located(tmp_path: Path) -> None:
    result = pythos(tmp_path, program(" + ".join(["x"] * 100_000)), "check")
    assert_located(result, 6, f"nested more than {MAX_NESTING} levels deep")


@pytest.mark.parametrize("prefix", ["-", "not ", "x if x else "])
def test_nesting_the_parser_refuses_is_located(prefix: str, tmp_path: Path) -> None:
    # CPython's own parser runs out of its fixed stack here (MemoryError).
    result = pythos(tmp_path, program(prefix * 100_000 + "x"), "check")
    assert_located(result, 6, "nested too deeply to parse")


def test_a_text_too_deep_is_refused_every_time_it_is_parsed() -> None:
    """parse_source remembers the texts whose nesting it has checked (the
    runtime is parsed twice for a program with objects), and only those:
    a text refused once is refused again, and a text that passed passes."""
    from pythos.diagnostics import CompileError
    from pythos.parse import parse_source

    deep = program(" + ".join(["x"] * (MAX_NESTING + 10)))
    for _ in range(2):
        with pytest.raises(CompileError, match="nested more than"):
            parse_source("deep.py", deep)
    shallow = program("x + x")
    for _ in range(2):
        assert parse_source("shallow.py", shallow).body

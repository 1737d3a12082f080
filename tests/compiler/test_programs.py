"""Differential tests: every program in tests/programs prints the same
bytes under CPython (with pythos.lang) and compiled by pythos.

CPython is the reference semantics.  A program that fails (a panic, an
uncaught exception) must fail in both worlds, with the same output before
the failure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import PROGRAMS, run_compiled, run_cpython

CASES = sorted(p for p in PROGRAMS.glob("*.py") if not p.name.startswith("lib_"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_program_matches_cpython(path: Path, tmp_path: Path) -> None:
    expected = run_cpython(path)
    actual = run_compiled(path, tmp_path)
    assert actual.stdout == expected.stdout
    assert (actual.returncode == 0) == (expected.returncode == 0), actual.stderr.decode()


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 60

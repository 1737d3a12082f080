"""The USTAR reader compiled behaves as under CPython (tests/kernel/programs/fs_*.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.compiler.conftest import ROOT, run_compiled, run_cpython

PROGRAMS = sorted((ROOT / "tests" / "kernel" / "programs").glob("fs_*.py"))


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_program_matches_cpython(path: Path, tmp_path: Path) -> None:
    expected = run_cpython(path)
    assert expected.returncode == 0, expected.stderr.decode()
    actual = run_compiled(path, tmp_path)
    assert actual.returncode == 0, actual.stderr.decode()
    assert actual.stdout == expected.stdout
    lines = expected.stdout.decode().splitlines()
    assert lines[0] == "1 3 722 end of archive"
    # The damaged copies are sometimes still good and sometimes each kind of bad.
    assert len({line.split(" ", 3)[3] for line in lines[2:]}) >= 4

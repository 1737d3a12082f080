"""The games and text graphics compiled behave as under CPython: scripted
games of snake and flappy bird, drawn through textgfx
(tests/kernel/programs/games_replay.py)."""

from __future__ import annotations

from pathlib import Path

from tests.compiler.conftest import ROOT, run_compiled, run_cpython

PROGRAM = ROOT / "tests" / "kernel" / "programs" / "games_replay.py"


def test_scripted_games_match_cpython(tmp_path: Path) -> None:
    expected = run_cpython(PROGRAM)
    assert expected.returncode == 0, expected.stderr.decode()
    actual = run_compiled(PROGRAM, tmp_path)
    assert actual.returncode == 0, actual.stderr.decode()
    assert actual.stdout == expected.stdout
    lines = expected.stdout.decode().splitlines()
    assert lines[0].startswith("snake seed=42 ticks=869 score=25 length=79")
    assert lines[23].startswith("flappy seed=7 frames=619 score=11")

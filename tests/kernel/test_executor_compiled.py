"""The executor's fixed-array parts compiled behave as under CPython: the
wake set, the timer heap and the slot table
(tests/kernel/programs/executor_parts.py)."""

from __future__ import annotations

from pathlib import Path

from tests.compiler.conftest import ROOT, run_compiled, run_cpython

PROGRAM = ROOT / "tests" / "kernel" / "programs" / "executor_parts.py"


def test_wake_set_timer_heap_and_slots_compiled_match_cpython(tmp_path: Path) -> None:
    expected = run_cpython(PROGRAM)
    assert expected.returncode == 0, expected.stderr.decode()
    lines = expected.stdout.decode().splitlines()
    assert lines[0] == "queued 4 coalesced 3 wakes of 5 3"
    assert lines[2] == "order [5, 9, 1, 1023, 5]"
    assert lines[6] == "popped 1000 in order True heap ok True at 4991"
    assert lines[7] == "ties [10, 11, 12, 13]"
    actual = run_compiled(PROGRAM, tmp_path)
    assert actual.returncode == 0, actual.stderr.decode()
    assert actual.stdout == expected.stdout

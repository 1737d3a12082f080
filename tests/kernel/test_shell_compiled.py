"""The shell's pure logic compiled: a scripted session
(tests/kernel/programs/shell_session.py: serial bytes through the key
decoder, the editor, the ANSI renderer, the parser and the registry)
prints the same compiled as under CPython, and leaks nothing
(``--leak-check``)."""

from __future__ import annotations

from pathlib import Path

from tests.compiler.conftest import ROOT, run_compiled, run_cpython

PROGRAM = ROOT / "tests" / "kernel" / "programs" / "shell_session.py"


def test_the_shell_session_compiled_matches_cpython(tmp_path: Path) -> None:
    expected = run_cpython(PROGRAM)
    assert expected.returncode == 0, expected.stderr.decode()
    lines = expected.stdout.decode().splitlines()
    assert "output 'a  b c d\\n'" in lines
    assert "line 'echo hi'" in lines
    assert "line 'help color'" in lines
    assert any("line too long: 55 characters" in line for line in lines)
    actual = run_compiled(PROGRAM, tmp_path, opt=0)
    assert actual.returncode == 0, actual.stderr.decode()
    assert actual.stdout == expected.stdout

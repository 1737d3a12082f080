"""``user/sh.py`` under CPython: it runs the Python programs next to it.

The same file is the Pythos shell (tests/qemu/test_shell.py); here the
host's ``spawn`` and ``wait`` start ``user/NAME.py`` under this
interpreter.  Input comes from a pipe, which may hand the shell several
lines in one ``read`` or a line without its newline at the end.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def shell(stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, str(REPO / "user" / "sh.py")], input=stdin,
                          env=ENV, capture_output=True, timeout=120)


def test_the_shell_runs_programs_until_exit() -> None:
    result = shell(b"echo a   b  \n\n   \nnothere x\n  echo  last\nexit\necho never\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (b"$ a b\n$ $ $ sh: nothere: not found\n$ last\n$ ")


def test_a_failing_program_is_reported_and_the_end_of_input_leaves(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "sh.py").write_bytes((REPO / "user" / "sh.py").read_bytes())
    (user / "fails.py").write_text("import sys\nsys.exit(3)\n")
    result = subprocess.run([sys.executable, str(user / "sh.py")], input=b"fails\nfails",
                            env=ENV, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (b"$ sh: fails: exit status 3\n$ sh: fails: exit status 3\n$ \n")

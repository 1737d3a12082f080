"""An empty file has nothing to point at, but its diagnostic still names
the file, line and column, like every other one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import env


def test_empty_file_is_located(tmp_path: Path) -> None:
    (tmp_path / "empty.py").write_text("")
    result = subprocess.run([sys.executable, "-m", "pythos", "check", "empty.py"], cwd=tmp_path,
                            env=env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.startswith("empty.py:1:1: error: the program has no main() function"), \
        result.stderr

"""A narrowing a call undid, where CPython would not fail at the read
(ir/build/optional.py, `undone_narrowing`).

`self.limit + 1` after a call set `self.limit` back to None: CPython
fails at the `+` with its own TypeError; compiled code cannot add a None
(it has no object to ask), so the narrowed read raises a TypeError that
names the narrowing.  The differential program
tests/programs/obj_narrowing_undone.py covers the cases where the two
agree (an attribute or a method of the None).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .conftest import compile_program

PROGRAM = '''
class Budget:
    def __init__(self) -> None:
        self.limit: int | None = 3

    def clear(self) -> None:
        self.limit = None

    def next_limit(self) -> int:
        if self.limit is not None:
            self.clear()
            return self.limit + 1
        return 0


def main() -> None:
    print(Budget().next_limit())


main()
'''


@pytest.mark.parametrize("opt", [0, 2])
def test_a_read_a_call_set_to_none_raises_a_type_error(opt: int, tmp_path: Path) -> None:
    src = tmp_path / "budget.py"
    src.write_text(PROGRAM)
    built = compile_program(src, tmp_path / "budget", opt)
    assert built.returncode == 0, built.stderr.decode()
    run = subprocess.run([str(tmp_path / "budget")], capture_output=True, timeout=60)
    err = run.stderr.decode()
    assert run.returncode == 1, err
    assert run.stdout == b""
    assert 'line 12, in next_limit' in err, err
    assert err.endswith("TypeError: 'self.limit' is None here, though it was tested not to be "
                        "(set to None since)\n"), err

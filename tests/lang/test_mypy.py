"""mypy reads Pythos code the way the compiler does (pythos/mypy_plugin.py).

The kernel must type-check cleanly under `mypy --strict`, and the plugin's three readings are
checked on small programs: `Array[T, N]` annotations, `@struct`
constructors, and `range()` over sized integers giving the loop variable
the bounds' type.  Each sample has one deliberate error, so a plugin that
stopped working would change the output.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip("mypy")


def mypy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_the_kernel_type_checks() -> None:
    result = mypy("--strict", "kernel")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_user_programs_type_check() -> None:
    result = mypy("--strict", "user")
    assert result.returncode == 0, result.stdout + result.stderr


SAMPLE = '''\
from pythos.lang import Array, struct, u8, u64


@struct
class Point:
    x: u64
    y: u64


table = Array[u8, 16]()


def takes_u8(value: u8) -> None:
    pass


def main() -> None:
    p = Point(u64(1), y=u64(2))
    for i in range(u64(3)):
        p.x += i            # i is a u64, like the bounds
    for j in range(u8(0), u8(3)):
        takes_u8(j)         # and j a u8
        table[j] = j
    for k in range(u64(2)):
        takes_u8(k)         # the deliberate error: a u64 where a u8 is wanted
'''


def test_the_plugin_reads_arrays_structs_and_ranges(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(SAMPLE)
    result = mypy(str(sample))
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout
    assert 'Argument 1 to "takes_u8" has incompatible type "u64"; expected "u8"' in errors[0]
    assert errors[0].startswith(f"{sample}:25:")

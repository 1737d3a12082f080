"""The object allocator compiled into Linux programs, with mmap underneath.

``programs/alloc_workload.py`` replays the operations in its ``OPS``
bytes (allocate, free, reallocate, in 64 slots), checks alignment,
contents and exact statistics after each one, and prints a summary.
Hypothesis writes random ``OPS``; the program runs under CPython (on the
simulated platform) and compiled at -O2, and the two must print the
same.  A long random sequence runs compiled only (under CPython it would
take minutes), where the program's own checks are the test.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.compiler.conftest import compile_program, env

ROOT = Path(__file__).resolve().parents[2]
WORKLOAD = Path(__file__).parent / "programs" / "alloc_workload.py"
ON_SIMULATED_PLATFORM = (
    "import runpy, sys\n"
    "from tests.rt import simplatform\n"
    "sys.modules['pythos.rt.platform'] = simplatform\n"
    "runpy.run_path(sys.argv[1], run_name='__main__')\n")


def with_ops(ops: bytes, directory: Path) -> Path:
    text = WORKLOAD.read_text()
    head, rest = text.split('OPS: Final = b"', 1)
    program = directory / "alloc_workload.py"
    program.write_text(head + f"OPS: Final = {ops!r}" + rest.split('"', 1)[1])
    return program


def run_compiled(program: Path, opt: int = 2) -> subprocess.CompletedProcess[bytes]:
    exe = program.with_suffix(f".O{opt}")
    built = compile_program(program, exe, opt)
    assert built.returncode == 0, built.stderr.decode()
    return subprocess.run([str(exe)], capture_output=True, timeout=120)


def run_cpython(program: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", ON_SIMULATED_PLATFORM, str(program)],
                          cwd=ROOT, env=env(), capture_output=True, timeout=300)


def operation() -> st.SearchStrategy[bytes]:
    return st.tuples(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255),
                     st.integers(0, 255)).map(bytes)


@settings(max_examples=6, deadline=None)
@given(st.lists(operation(), min_size=1, max_size=150).map(b"".join))
def test_random_operations_compiled_and_under_cpython(ops: bytes) -> None:
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        program = with_ops(ops, Path(tmp))
        expected = run_cpython(program)
        assert expected.returncode == 0, expected.stderr.decode()
        compiled = run_compiled(program)
        assert compiled.returncode == 0, compiled.stderr.decode()
        assert compiled.stdout == expected.stdout
        assert compiled.stdout.endswith(b"in use 0 live 0 runs 0 large 0 footprint 0\n")


def test_long_random_sequence_compiled(tmp_path: Path) -> None:
    """200,000 operations with every size from 0 to 6000 bytes: runs fill,
    empty and go back to mmap many times over, and every check holds."""
    rng = random.Random(11)
    ops = bytes(rng.randrange(256) for _ in range(4 * 200_000))
    for opt in (0, 2):
        result = run_compiled(with_ops(ops, tmp_path), opt)
        assert result.returncode == 0, result.stderr.decode()
        assert result.stdout.startswith(b"operations 200000 ")
        assert result.stdout.endswith(b"in use 0 live 0 runs 0 large 0 footprint 0\n")

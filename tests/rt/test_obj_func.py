"""The function and cell kinds (pythos/rt/obj/func.py), compiled, at -O0
and -O2: `obj/func_kind.py` builds a closure cycle, a bound method and an
integer cell by hand and checks what the collector and the counts do."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.compiler.conftest import compile_program


@pytest.mark.parametrize("opt", [0, 2])
def test_closure_cycles_are_collected_and_slots_own_their_objects(tmp_path: Path,
                                                                   opt: int) -> None:
    exe = tmp_path / f"func_kind.O{opt}"
    built = compile_program(Path(__file__).parent / "obj" / "func_kind.py", exe, opt)
    assert built.returncode == 0, built.stderr.decode()
    run = subprocess.run([str(exe)], capture_output=True, timeout=60)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode().split("\n") == [
        "2 48 1 True True", "2", "0", "2", "0", "False 42", "0", ""]

"""Boxes (pythos/rt/obj/box.py), compiled: hash, ==, < and repr of boxed
integers and bools agree with CPython's int and bool, across widths, and
the same boxes are shared (bools, ints from -5 to 256)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.compiler.conftest import compile_program


def line(a: int, b: int) -> str:
    return f"{a!r} {b!r} {hash(a)} {a == b} {a < b} {b < a}"


@pytest.mark.parametrize("opt", [0, 2])
def test_boxes_behave_as_cpython_ints(tmp_path: Path, opt: int) -> None:
    exe = tmp_path / f"box_core.O{opt}"
    built = compile_program(Path(__file__).parent / "obj" / "box_core.py", exe, opt)
    assert built.returncode == 0, built.stderr.decode()
    run = subprocess.run([str(exe)], capture_output=True, timeout=60)
    assert run.returncode == 0, run.stderr.decode()
    pairs: list[tuple[int, int]] = [
        (1, True), (False, 0), (-1, -1), (-2, 3), (1 << 62, -(1 << 62)),
        (2**64 - 1, -1), (-128, 5)]
    # Built at run time, so that CPython does not share them as constants.
    shared = " ".join(str(int(text) is int(text)) for text in
                      ("7", "1000", "-5", "-6", "256", "257"))
    shared += f" {bool(int('1')) is bool(int('1'))}"
    assert run.stdout.decode() == "".join(line(a, b) + "\n" for a, b in pairs) + \
        f"{shared}\nlive 0\n"

"""The generated exception stubs are up to date and installed correctly."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

from kernel.arch.x86_64 import exceptions, idt, vectors
from pythos.lang import func_addr, u8

ROOT = Path(__file__).resolve().parents[2]


def test_generated_file_is_up_to_date() -> None:
    result = subprocess.run([sys.executable, "tools/gen_vectors.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_each_stub_takes_an_error_code_exactly_when_the_cpu_pushes_one() -> None:
    for v in range(32):
        stub = getattr(vectors, f"vector{v}")
        params = list(inspect.signature(stub).parameters)
        expected = ["frame", "error_code"] if exceptions.has_error_code(u8(v)) else ["frame"]
        assert params == expected, v


def test_install_fills_vectors_0_to_31() -> None:
    vectors.install()
    for v in range(32):
        gate = idt.IDT[v]
        assert gate.is_present()
        assert gate.offset() == func_addr(getattr(vectors, f"vector{v}"))
        assert (gate.low >> 32) & 7 == int(exceptions.ist_for(u8(v)))
        assert (gate.low >> 40) & 0xF == int(idt.TYPE_INTERRUPT_GATE)
    assert (idt.IDT[8].low >> 32) & 7 == 1

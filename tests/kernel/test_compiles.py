"""The kernel type-checks and compiles for the freestanding target.

A fast guard that runs without QEMU: a kernel module that strays outside
the language fails here with the compiler's diagnostic.
"""

from __future__ import annotations

from pathlib import Path

from pythos.driver import compile_file
from pythos.target import get_target

KMAIN = Path(__file__).resolve().parents[2] / "kernel" / "kmain.py"


def test_kernel_compiles_to_an_object():
    result = compile_file(KMAIN, get_target("freestanding"), 0)
    assert result.obj[:4] == b"\x7fELF"

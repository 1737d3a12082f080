"""The kernel compiles and links: `pythos build` works without QEMU.

A fast guard for machines without QEMU: a kernel module that strays
outside the language fails here with the compiler's diagnostic.  The
build runs in a child process, as a user would run it (and because the
compiler cannot yet compile twice in one process: its LLVM struct types
live in llvmlite's global context).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pythos.kernel_tools.build import have_tool

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not have_tool("ld"), reason="GNU ld is not installed")
def test_pythos_build_writes_a_multiboot_kernel(tmp_path):
    out = tmp_path / "kernel.elf"
    result = subprocess.run([sys.executable, "-m", "pythos", "build", "-O0", "-o", str(out)],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:5] == b"\x7fELF\x01"  # ELF32, for Multiboot loaders
    assert (tmp_path / "kernel64.elf").read_bytes()[:5] == b"\x7fELF\x02"


def test_pythos_build_reports_errors_without_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "pythos", "build", "-o",
                             str(tmp_path / "kernel.bin")],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.startswith("pythos: error:")
    assert "Traceback" not in result.stderr

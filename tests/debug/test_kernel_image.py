"""Kernel builds carry debug information by default, and the loaded kernel
pays only for the line table: the code is byte for byte the same with and
without it (`pythos build --no-debug`), and the DWARF sections stay in the
ELF64 image for gdb."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pythos.kernel_tools.build import read_functions
from tests.compiler.conftest import ROOT, env


def build(out: Path, *options: str) -> Path:
    result = subprocess.run([sys.executable, "-m", "pythos", "build", "-o", str(out), *options],
                            cwd=ROOT, env=env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return out


def sections(elf: Path) -> str:
    return subprocess.run(["readelf", "-S", "-W", str(elf)], capture_output=True, text=True,
                          check=True, timeout=60).stdout


def line_table_size(elf64: Path) -> int:
    listing = subprocess.run(["nm", str(elf64)], capture_output=True, text=True, check=True,
                             timeout=60).stdout
    symbols = {fields[2]: int(fields[0], 16) for fields in map(str.split, listing.splitlines())
               if len(fields) == 3}
    return symbols["__line_table_end"] - symbols["__line_table"]


def text_bytes(elf64: Path) -> int:
    """The size of the kernel's code (its .text section)."""
    listing = subprocess.run(["readelf", "-SW", str(elf64)], capture_output=True, text=True,
                             check=True, timeout=60).stdout
    for line in listing.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".text":
            return int(fields[5], 16)
    raise AssertionError(f"no .text section in {elf64}")


def loaded_bytes(image: Path) -> int:
    """What a loader puts in memory: the PT_LOAD segments' sizes (as bench/kernel.py)."""
    listing = subprocess.run(["readelf", "-lW", str(image)], capture_output=True, text=True,
                             check=True, timeout=60).stdout
    return sum(int(fields[5], 16) for fields in map(str.split, listing.splitlines())
               if fields and fields[0] == "LOAD")


def test_debug_information_costs_only_the_line_table(
        tmp_path: Path, built_kernel: Callable[..., Path]) -> None:
    debug = built_kernel()  # as `make build` makes it
    plain = build(tmp_path / "plain" / "kernel.elf", "--no-debug")
    debug64, plain64 = debug.with_name("kernel64.elf"), plain.with_name("kernel64.elf")
    # The same functions at the same addresses (the code differs only in
    # the displacements to data, which the line table in .rodata moves) ...
    assert read_functions(debug64) == read_functions(plain64)
    # ... and the DWARF only in the ELF64 image for gdb, not in what is loaded.
    assert ".debug_info" in sections(debug64)
    assert ".debug_info" not in sections(plain64)
    assert ".debug_" not in sections(debug)
    assert line_table_size(plain64) == 0
    # At -O2 the table, inlined calls included, is about the size of the
    # code it describes (82 KB for 90 KB of code with the scheduler; 128 KB
    # for 128 KB with the clock and the log ring), and never much more.
    table = line_table_size(debug64)
    assert 0 < table < text_bytes(debug64) * 5 // 4
    # In memory the kernel grows by the line table alone: it ends .rodata,
    # which is padded to a whole page either way.
    grown = loaded_bytes(debug) - loaded_bytes(plain)
    assert grown % 4096 == 0 and table - 4096 < grown < table + 4096 + 8
    assert "__inline_table" not in subprocess.run(["nm", str(debug64)], capture_output=True,
                                                  text=True, check=True, timeout=60).stdout
    if shutil.which("llvm-dwarfdump") is None:
        pytest.skip("llvm-dwarfdump is not installed (Debian: apt-get install llvm)")
    result = subprocess.run(["llvm-dwarfdump", "--verify", str(debug64)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "No errors." in result.stdout, result.stdout[-3000:]

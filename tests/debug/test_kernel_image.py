"""Kernel builds carry debug information by default, and it costs the
loaded kernel nothing: the image QEMU and GRUB load is byte for byte the
same with and without it (`pythos build --no-debug`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.compiler.conftest import ROOT, env


def build(out: Path, *options: str) -> Path:
    result = subprocess.run([sys.executable, "-m", "pythos", "build", "-o", str(out), *options],
                            cwd=ROOT, env=env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return out


def sections(elf: Path) -> str:
    return subprocess.run(["readelf", "-S", "-W", str(elf)], capture_output=True, text=True,
                          check=True, timeout=60).stdout


def test_debug_information_only_in_the_elf64_image(tmp_path: Path) -> None:
    debug = build(tmp_path / "debug" / "kernel.elf")
    plain = build(tmp_path / "plain" / "kernel.elf", "--no-debug")
    assert debug.read_bytes() == plain.read_bytes()
    assert ".debug_info" in sections(debug.with_name("kernel64.elf"))
    assert ".debug_info" not in sections(plain.with_name("kernel64.elf"))
    assert ".debug_" not in sections(debug)
    if shutil.which("llvm-dwarfdump") is None:
        pytest.skip("llvm-dwarfdump is not installed (Debian: apt-get install llvm)")
    result = subprocess.run(["llvm-dwarfdump", "--verify", str(debug.with_name("kernel64.elf"))],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "No errors." in result.stdout, result.stdout[-3000:]

"""Helpers for the debugging tests: compile with -g, find marked lines,
run gdb in batch mode."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.compiler.conftest import ROOT, env

PROGRAM = Path(__file__).with_name("program.py")
# gdb prints to a pipe slowly when the machine is busy; this is a hang.
GDB_TIMEOUT = 120


def marked_line(path: Path, marker: str) -> int:
    """The number of the line of `path` that ends in `# line: <marker>`."""
    for number, text in enumerate(path.read_text().splitlines(), start=1):
        if text.rstrip().endswith(f"# line: {marker}"):
            return number
    raise AssertionError(f"no line marked {marker!r} in {path}")


def compile_debug(source: Path, out: Path, opt: int = 0, debug: bool = True) -> Path:
    command = [sys.executable, "-m", "pythos", "compile", str(source), "-o", str(out), f"-O{opt}"]
    if debug:
        command.append("-g")
    result = subprocess.run(command, cwd=ROOT, env=env(), capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    return out


def run_gdb(binary: Path, commands: list[str], cwd: Path = ROOT) -> str:
    """Run gdb in batch mode on `binary` with `commands`; return what it printed."""
    if shutil.which("gdb") is None:
        pytest.skip("gdb is not installed")
    args = ["gdb", "-nx", "-batch", "-ex", "set width 0", "-ex", "set pagination off"]
    for command in commands:
        args += ["-ex", command]
    result = subprocess.run(args + [str(binary)], cwd=cwd, capture_output=True, text=True,
                            timeout=GDB_TIMEOUT)
    return result.stdout + result.stderr


def marked_text_line(path: Path, start: str) -> int:
    """The number of the first line of `path` that starts with `start`."""
    for number, text in enumerate(path.read_text().splitlines(), start=1):
        if text.startswith(start):
            return number
    raise AssertionError(f"no line starting {start!r} in {path}")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "cmdline(text): the kernel command line for waiting_qemu")
    config.addinivalue_line("markers", "kernel(fixture): the kernel image waiting_qemu boots")

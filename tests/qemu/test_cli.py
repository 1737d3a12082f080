"""`pythos run` end to end: build, boot headless, report how the kernel ended."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pythos.kernel_cli import panic_lines, report_exit
from pythos.qemu import QEMU

REPO = Path(__file__).resolve().parents[2]


def test_report_exit(tmp_path, capsys):
    log = tmp_path / "serial.log"
    log.write_text("Pythos 0.1.0\nkernel/x.py:3: panic: boom\n")
    assert panic_lines(log) == ["kernel/x.py:3: panic: boom"]
    assert report_exit(203, log) == 1
    assert "kernel/x.py:3: panic: boom" in capsys.readouterr().err
    assert report_exit(33, None) == 0  # the kernel's success code
    assert report_exit(0, None) == 0  # quit from the monitor
    assert report_exit(1, None) == 1
    assert "QEMU failed to start" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which(QEMU) is None, reason=f"{QEMU} is not installed")
def test_pythos_run_without_terminal_uses_serial_and_reports_panic(tmp_path):
    # Without a terminal the serial console is standard output; the panic
    # makes QEMU exit, and pythos run exits 1 with a note on stderr.
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-m", "pythos", "run", "--append", "panic=test"],
                            cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=120, stdin=subprocess.DEVNULL)
    assert result.stdout.startswith("Pythos 0.1.0"), result.stdout + result.stderr
    assert "panic: test panic requested" in result.stdout
    assert result.returncode == 1
    assert "the kernel panicked" in result.stderr
    assert (tmp_path / "build" / "kernel.elf").is_file()

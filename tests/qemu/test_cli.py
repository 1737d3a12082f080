"""`pythos run` end to end: build, boot headless, report how the kernel ended."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pythos.kernel_tools.kernel_cli import panic_lines, report_exit
from pythos.kernel_tools.qemu import QEMU

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
                            timeout=600, stdin=subprocess.DEVNULL)  # a kernel build
    assert result.stdout.startswith("Pythos 0.1.0"), result.stdout + result.stderr
    assert "panic: test panic requested" in result.stdout
    assert result.returncode == 1
    assert "the kernel panicked" in result.stderr
    assert (tmp_path / "build" / "kernel.elf").is_file()
    assert "up to date" not in result.stderr
    # Run again: nothing changed, so the kernel is not built again.
    again = subprocess.run([sys.executable, "-m", "pythos", "run", "--append", "panic=test"],
                           cwd=tmp_path, env=env, capture_output=True, text=True,
                           timeout=60, stdin=subprocess.DEVNULL)
    assert "pythos: build/kernel.elf is up to date" in again.stderr, again.stderr
    assert "panic: test panic requested" in again.stdout
    assert again.returncode == 1


EXCEPTION_LOG = """\
Pythos 0.1.0 - an x86-64 kernel written in Python
CPU exception 3 #BP: breakpoint
  RIP 0xffffffff80100000  CS 0x0008  RFLAGS 0x0000000000000246
  continuing after the breakpoint
Pythos is up.
CPU exception 14 #PF: page fault
  RIP 0xffffffff8010b6f8  CS 0x0008  RFLAGS 0x0000000000000246
  RSP 0xffffffff8013af10  SS 0x0010
  error code 0x0
  CR2 0x0000008000000000: page not present, read in kernel mode
  bits: (none)
kernel/arch/x86_64/exceptions.py:444: panic: page fault: unhandled CPU exception #PF (vector 14)
backtrace:
  #0 0xffffffff8010e611 kernel.arch.x86_64.exceptions.handle+0xcb1
  ... 29 more calls of recurse
  #2 0xffffffff8010b6f8 kmain+0x36d8 (interrupted)
[    0.004] typed later
"""


def test_panic_summary_includes_the_exception_report(tmp_path):
    # Before: only the panic line and the backtrace; CR2 and the cause were lost.
    log = tmp_path / "serial.log"
    log.write_text(EXCEPTION_LOG)
    lines = panic_lines(log)
    assert lines == EXCEPTION_LOG.splitlines()[5:16]
    assert not any("#BP" in line for line in lines)      # a breakpoint is not the cause


@pytest.mark.skipif(shutil.which(QEMU) is None, reason=f"{QEMU} is not installed")
def test_panic_summary_of_a_real_page_fault(kernel_image, tmp_path, capsys):
    from pythos.kernel_tools.qemu import QemuSession
    with QemuSession(kernel_image, cmdline="panic=fault", timeout=30) as vm:
        status = vm.wait_for_exit(30)
        log = tmp_path / "serial.log"
        log.write_bytes(vm.serial_output)
    assert report_exit(status, log) == 1
    err = capsys.readouterr().err
    assert "  CPU exception 14 #PF: page fault" in err
    assert "  CR2 0x0000008000000000: page not present, read in kernel mode" in err
    assert "panic: page fault: unhandled CPU exception #PF (vector 14)" in err

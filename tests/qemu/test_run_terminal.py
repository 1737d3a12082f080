"""`pythos run` (what `make run` and `make debug` call) in a pseudo-terminal,
as a user sees it: the hint on how to quit comes before QEMU draws its
screen, Ctrl-A X really ends QEMU, `--gdb` shows the debugger command
where it can be read, and a panic's summary after QEMU exits includes the
CPU exception report."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from pythos.kernel_tools.qemu import QEMU

pytestmark = pytest.mark.skipif(shutil.which(QEMU) is None, reason=f"{QEMU} is not installed")

REPO = Path(__file__).resolve().parents[2]
ROWS, COLUMNS = 30, 100
ESCAPE = re.compile(rb"\x1b(\[[0-9;?]*[A-Za-z]|[78()][A-Za-z0-9]?|[=>])")


class Terminal:
    """`python -m pythos run ARGS` on a pseudo-terminal of ROWS x COLUMNS."""

    def __init__(self, cwd: Path, *args: str) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: becomes pythos run
            os.chdir(cwd)
            env = {**os.environ, "PYTHONPATH": str(REPO), "TERM": "xterm"}
            os.execve(sys.executable, [sys.executable, "-m", "pythos", "run", *args], env)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.output = b""
        self.status: int | None = None

    def read_until(self, needle: bytes, timeout: float) -> bool:
        """Read output until ``needle`` has appeared (True) or the time is up
        or the program ended (False)."""
        deadline = time.monotonic() + timeout
        while needle not in self.output and time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if ready:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:  # EIO: the program has ended
                    return needle in self.output
                if not data:
                    return needle in self.output
                self.output += data
        return needle in self.output

    def read_until_text(self, needle: str, timeout: float) -> bool:
        """Like read_until, on the output without escape sequences."""
        deadline = time.monotonic() + timeout
        while needle not in self.text() and time.monotonic() < deadline:
            if not self.read_until(b"\0never\0", 0.2) and self.wait(0) is not None:
                break
        return needle in self.text()

    def wait(self, timeout: float) -> int | None:
        """The exit status once the program has ended, or None after ``timeout``."""
        if self.status is not None:
            return self.status
        deadline = time.monotonic() + timeout
        while True:
            self.read_until(b"\0never\0", min(0.2, timeout))
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
            if time.monotonic() >= deadline:
                return None

    def text(self) -> str:
        """The output with escape sequences removed."""
        return ESCAPE.sub(b"", self.output).decode(errors="replace")

    def close(self) -> None:
        if self.wait(0) is None:
            os.kill(self.pid, signal.SIGTERM)  # pythos run stops QEMU, then exits
            if self.wait(10) is None:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        os.close(self.fd)


@pytest.fixture
def terminal(built_tree: Path):  # type: ignore[no-untyped-def]
    # `pythos run` in a tree where the kernel is built and up to date, as
    # after a first `make run` (tests/qemu/test_cli.py builds through `run`).
    opened: list[Terminal] = []

    def start(*args: str) -> Terminal:
        opened.append(Terminal(built_tree, *args))
        return opened[-1]

    yield start
    for t in opened:
        t.close()


def test_make_run_says_how_to_quit_and_ctrl_a_x_quits(terminal) -> None:  # type: ignore[no-untyped-def]
    run = terminal()
    assert run.read_until(b"Pythos is up.", 120), run.text()
    assert b"build/kernel.elf is up to date" in run.output
    hint = run.output.index(b"Ctrl-A X quits QEMU")
    # The hint is printed before QEMU starts drawing (curses' first sequence).
    assert hint < run.output.index(b"\x1b"), run.output[:400]
    # The status line on the last row keeps saying it while the screen is up.
    assert f"\x1b[{ROWS};1H\x1b[7m Ctrl-A X quits QEMU".encode() in run.output
    started = time.monotonic()
    os.write(run.fd, b"\x01x")
    assert run.wait(15) == 0, run.text()[-2000:]
    assert time.monotonic() - started < 15
    assert "the kernel panicked" not in run.text()


def test_ctrl_a_ctrl_a_types_ctrl_a_and_other_keys_reach_the_kernel(terminal) -> None:  # type: ignore[no-untyped-def]
    run = terminal()
    assert run.read_until(b"Pythos is up.", 120), run.text()
    os.write(run.fd, b"\x01\x01ok")        # Ctrl-A Ctrl-A: one Ctrl-A for the guest
    assert run.read_until_text("ok", 10), run.text()[-1000:]
    assert run.wait(1) is None             # still running
    os.write(run.fd, b"\x01X")
    assert run.wait(15) == 0


def test_make_debug_shows_the_gdb_command(terminal) -> None:  # type: ignore[no-untyped-def]
    run = terminal("--gdb")
    # In the status line, once QEMU's screen is up ...
    assert run.read_until(b"| QEMU waits for gdb: gdb ", 120), run.text()
    # ... and before QEMU started, where it stays readable after QEMU exits.
    # (The test runs in a temporary directory, so the checked-in gdb script
    # is named by its full path.)
    script = REPO / "tools" / "gdb" / "pythos.gdb"
    command = f"gdb -q -x {script} build/kernel64.elf -ex 'target remote :1234'".encode()
    assert run.output.index(command) < run.output.index(b"\x1b"), run.output[:600]
    os.write(run.fd, b"\x01x")
    assert run.wait(15) == 0, run.text()[-2000:]


def test_panic_summary_includes_the_exception_report(terminal) -> None:  # type: ignore[no-untyped-def]
    run = terminal("--append", "panic=fault")
    assert run.wait(120) == 1, run.text()[-3000:]
    text = run.text()
    summary = text[text.index("pythos: the kernel panicked"):]
    assert "CPU exception 14 #PF: page fault" in summary
    assert "CR2 0x0000008000000000: page not present, read in kernel mode" in summary
    assert "panic: page fault: unhandled CPU exception #PF (vector 14)" in summary
    assert "backtrace:" in summary

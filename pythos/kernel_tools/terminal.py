"""Run QEMU's curses display inside our terminal, with a quit key and a status line.

QEMU's ``-display curses`` draws the VGA screen in the terminal and sends
every key to the guest, Ctrl-C included; the only way out is Esc 2 (the
monitor console) and then ``quit``, which nobody guesses.  QEMU's own
escape key, Ctrl-A X, belongs to its character-device multiplexer, which
cannot share the terminal with curses.

So ``pythos run`` puts a small relay between the terminal and QEMU, as
``script`` or ``screen`` do.  QEMU runs on a pseudo-terminal of its own;
the relay copies QEMU's output to our terminal and our keys to QEMU, and
watches the keys for the escape:

    Ctrl-A X          quit QEMU (SIGTERM: QEMU shuts down cleanly and
                      curses restores the terminal)
    Ctrl-A Ctrl-A     send one Ctrl-A to the guest
    Ctrl-A, any other key
                      send both, unchanged

QEMU's pseudo-terminal is one row shorter than ours.  The last row is the
relay's: a status line that says how to quit (and, with ``--gdb``, what to
type in another terminal), redrawn whenever QEMU's output pauses, because
a curses screen clear wipes it.  A scrolling region keeps curses' own
scrolling off that row.  When our window is resized the pseudo-terminal
follows, and QEMU redraws.

Only ``termios``, ``pty``-style file descriptors and ``select`` are used,
so this works on Linux and other Unix systems; ``run_in_terminal`` is only
called when standard input and output are both terminals.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
import tty
from collections.abc import Sequence

__all__ = ["CTRL_A", "QUIT_HINT", "EscapeDecoder", "run_in_terminal"]

CTRL_A = 0x01
QUIT_KEYS = (ord("x"), ord("X"), 0x18)  # x, X or Ctrl-X after Ctrl-A
QUIT_HINT = "Ctrl-A X quits QEMU"
# How long QEMU's output must pause before the status line is redrawn.
REDRAW_PAUSE = 0.05


class EscapeDecoder:
    """The Ctrl-A escape: turns typed bytes into bytes for the guest, and
    notices the quit key.  Pure, so it is tested on its own."""

    def __init__(self) -> None:
        self.pending = False
        self.quit = False

    def feed(self, data: bytes) -> bytes:
        """The bytes to pass on for ``data``; sets ``quit`` on Ctrl-A X."""
        out = bytearray()
        for byte in data:
            if self.quit:
                break
            if self.pending:
                self.pending = False
                if byte in QUIT_KEYS:
                    self.quit = True
                elif byte == CTRL_A:
                    out.append(CTRL_A)
                else:
                    out += bytes((CTRL_A, byte))
            elif byte == CTRL_A:
                self.pending = True
            else:
                out.append(byte)
        return bytes(out)


def window_size(fd: int) -> tuple[int, int]:
    """(rows, columns) of the terminal ``fd``; 24x80 if it will not say."""
    try:
        rows, columns, _, _ = struct.unpack(
            "HHHH", fcntl.ioctl(fd, termios.TIOCGWINSZ, b"\0" * 8))
    except OSError:
        return 24, 80
    return (rows or 24), (columns or 80)


def set_window_size(fd: int, rows: int, columns: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))


def status_line(text: str, rows: int, columns: int) -> bytes:
    """Escape sequences that draw ``text`` in reverse video on the last row
    and put the cursor and its attributes back (DEC save/restore)."""
    shown = f" {text}"[:columns].ljust(columns)
    return f"\0337\x1b[{rows};1H\x1b[7m{shown}\x1b[0m\0338".encode()


def scroll_region(rows: int) -> bytes:
    """Keep scrolling to rows 1..rows-1, then put the cursor home."""
    return f"\x1b[1;{max(rows - 1, 1)}r\x1b[H".encode()


def _controlling_terminal() -> None:
    # Runs in the child before exec: our pseudo-terminal becomes QEMU's
    # controlling terminal, so resizing it sends QEMU SIGWINCH.
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def run_in_terminal(command: Sequence[str], status: str) -> int:
    """Run ``command`` on a pseudo-terminal relayed to ours; return its exit status.

    ``status`` is the text of the status line.  Ctrl-A X ends the command
    with SIGTERM.  Standard input and output must be terminals.
    """
    stdin, stdout = sys.stdin.fileno(), sys.stdout.fileno()
    rows, columns = window_size(stdout)
    master, slave = os.openpty()
    set_window_size(slave, max(rows - 1, 1), columns)
    proc = subprocess.Popen(list(command), stdin=slave, stdout=slave, stderr=slave,
                            start_new_session=True, preexec_fn=_controlling_terminal)
    os.close(slave)
    saved = termios.tcgetattr(stdin)
    resized = False

    def on_resize(signum: int, frame: object) -> None:
        nonlocal resized
        resized = True

    def on_hangup(signum: int, frame: object) -> None:
        # Our terminal closed, or someone asked us to stop: QEMU, on a
        # terminal of its own, would not notice, so it goes too.
        proc.terminate()

    previous_handlers = [(number, signal.signal(number, handler)) for number, handler in
                         ((signal.SIGWINCH, on_resize), (signal.SIGHUP, on_hangup),
                          (signal.SIGTERM, on_hangup))]
    decoder = EscapeDecoder()
    last_output = 0.0
    needs_status = True
    try:
        tty.setraw(stdin)
        os.write(stdout, scroll_region(rows) + status_line(status, rows, columns))
        while True:
            if resized:
                resized = False
                rows, columns = window_size(stdout)
                set_window_size(master, max(rows - 1, 1), columns)
                os.write(stdout, scroll_region(rows))
                needs_status = True
            try:
                readable, _, _ = select.select([stdin, master], [], [], REDRAW_PAUSE)
            except InterruptedError:
                continue
            if master in readable:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: QEMU has closed its side
                    data = b""
                if not data:
                    break
                os.write(stdout, data)
                last_output = time.monotonic()
                needs_status = True
            if stdin in readable:
                typed = os.read(stdin, 1024)
                passed_on = decoder.feed(typed)
                if passed_on:
                    os.write(master, passed_on)
                if decoder.quit:
                    proc.terminate()
            if needs_status and time.monotonic() - last_output >= REDRAW_PAUSE:
                os.write(stdout, status_line(status, rows, columns))
                needs_status = False
        exit_status = proc.wait()
        # Ended by Ctrl-A X: a quit the user asked for, even if QEMU was
        # still starting and died of the signal instead of shutting down.
        return 0 if decoder.quit and exit_status in (0, -signal.SIGTERM) else exit_status
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        os.close(master)
        for number, handler in previous_handlers:
            signal.signal(number, handler)
        termios.tcsetattr(stdin, termios.TCSADRAIN, saved)
        # Whole screen scrolls again; clear the status line and start a fresh line.
        with contextlib.suppress(OSError):
            os.write(stdout, f"\x1b[r\x1b[{rows};1H\x1b[2K\r\n".encode())

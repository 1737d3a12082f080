"""The serial console under a hostile terminal: escape sequences, UTF-8,
malformed bytes, a paste and a flood (issue 10, items 2 and 8).

The session's reader thread drains the serial socket all the time, so the
kernel's echo never stalls the UART while a test sends.
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

from pythos.kernel_tools.qemu import QemuSession

from .serial_session import after_ready_line

READY = "Pythos is up."
REPORT = re.compile(rb"\n(serial|keyboard): (\d+) ([a-z ]+) \(([a-z ]+)\)")
LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def echo_after(vm: QemuSession, start: int, text: bytes, timeout: float = 20.0) -> bytes:
    """Serial output from ``start`` on, once it contains ``text``."""
    deadline = time.monotonic() + timeout
    while True:
        out = vm.serial_output[start:]
        if text in out:
            return out
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} never echoed; serial output:\n{out[-500:]!r}")
        time.sleep(0.05)


def test_escape_sequences_and_utf8_echo_only_what_the_console_shows(
        kernel_image: Path) -> None:
    with QemuSession(kernel_image, cmdline="echo=1", timeout=30) as vm:
        start = after_ready_line(vm)
        # Up, Left, Delete, Home (SS3), Ctrl+Right, F5; é, £ and ╔ (in the
        # VGA font), € (not in it), a stray 0xFF, an ESC-interrupted "é",
        # Ctrl-L; then two Backspaces (DEL) erase "z" and the 0xFF's U+FFFD.
        vm.send_serial(b"ab\x1b[A\x1b[D\x1b[3~\x1bOH\x1b[1;5C\x1b[15~c"
                       + "é£╔€".encode() + b"\xc3\x1b[B\x0c\xffz\x7f\x7fy\r")
        out = echo_after(vm, start, b"y\n[")
        lines = vm.read_vga_text()
    line = next((line for line in out.split(b"\n") if b"abc" in line), out)
    echoed = re.sub(rb"^.*\[ *\d+\.\d{3}\] ", b"", line)
    # No escape byte reaches the terminal: its cursor stays on the line.
    assert b"\x1b" not in out and b"\x0c" not in out
    assert echoed == ("abcé£╔€\ufffd\ufffdz".encode() + b"\x08 \x08\x08 \x08y"), echoed
    typed = [line.split("] ", 1)[1] for line in lines if line.startswith("[") and "] " in line]
    # One cell per character: CP437 glyphs, and a square (0xFE) for € and
    # for the broken "é"; the two erased cells are blank again.
    assert "abcé£╔■■y" in typed, lines


def test_a_lone_escape_is_the_escape_key(kernel_image: Path) -> None:
    # Escape pressed on its own, then "[ok" typed a second later: the
    # pause ends the would-be sequence, so "[ok" is text, not swallowed.
    with QemuSession(kernel_image, cmdline="echo=1", timeout=30) as vm:
        start = after_ready_line(vm)
        vm.send_serial(b"x\x1b")
        echo_after(vm, start, b"x")
        time.sleep(1.0)
        vm.send_serial(b"[ok\r")
        out = echo_after(vm, start, b"x[ok\n")
    assert b"\x1b" not in out


def flood_text(length: int, seed: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.choice(LETTERS) for _ in range(length))


def received_letters(out: bytes) -> bytes:
    """The echoed flood: capital letters, outside the drop reports."""
    return bytes(b for b in REPORT.sub(b"", out) if b in LETTERS)


def is_subsequence(part: bytes, whole: bytes) -> bool:
    it = iter(whole)
    return all(b in it for b in part)


def test_a_flood_reports_exactly_what_it_dropped(kernel_image: Path) -> None:
    # 100,000 bytes at once: on an idle host QEMU delivers them several
    # times faster than the input loop echoes them, and most are dropped.
    # How many depends on the host's load (a busy host delivers slowly, and
    # then the loop may even keep up), so what is checked is that nothing
    # is lost silently: the bytes echoed plus the bytes reported add up to
    # the bytes sent, exactly.
    sent = flood_text(100_000, seed=10)
    with QemuSession(kernel_image, cmdline="echo=1", timeout=120) as vm:
        start = after_ready_line(vm)
        vm.send_serial(sent)
        deadline = time.monotonic() + 90
        while True:
            out = vm.serial_output[start:]
            reports = [(m.group(1), int(m.group(2)), m.group(3), m.group(4))
                       for m in REPORT.finditer(out)]
            received = received_letters(out)
            dropped = sum(r[1] for r in reports)
            if len(received) + dropped == len(sent) or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        time.sleep(0.6)             # longer than a report's quiet time: none may follow
        later = vm.serial_output[start + len(out):]
        screen = "\n".join(vm.read_vga_text())
    assert len(received) + dropped == len(sent), (len(received), reports, out[-300:])
    assert not REPORT.search(later), later
    assert all(r[0] == b"serial" and r[2] == b"bytes dropped" and r[3] == b"input too fast"
               and r[1] > 0 for r in reports), reports
    # The ring drops the newest bytes when full: what arrived is in order.
    assert is_subsequence(received, sent)
    # A flood gives one report per burst, not one per dropped byte.
    assert len(reports) <= 10
    if reports and not received_letters(out[out.rindex(b"\nserial: "):]):
        # The last report is the last thing printed: it is on the screen.
        assert f"serial: {reports[-1][1]} bytes dropped (input too fast)" in screen


def test_a_paste_of_6_kib_loses_nothing(kernel_image: Path) -> None:
    lines = [flood_text(63, seed=i) for i in range(96)]
    paste = b"\r".join(lines) + b"\r"            # 6,144 bytes, as a terminal pastes
    with QemuSession(kernel_image, cmdline="echo=1", timeout=60) as vm:
        start = after_ready_line(vm)
        vm.send_serial(paste)
        out = echo_after(vm, start, lines[-1] + b"\n[", timeout=40)
        time.sleep(0.6)                           # longer than a report's quiet time
        out = vm.serial_output[start:]
    assert not REPORT.search(out), out[-300:]
    # Each pasted line, after its prompt (the first prompt may have been
    # printed before ``start``).
    echoed = [re.sub(rb"^\[ *\d+\.\d{3}\] ", b"", line) for line in out.split(b"\n")]
    assert [line for line in echoed if line and line.isupper() and line.isalpha()] == lines

"""The shell's prompt in QEMU (kernel/shell/prompt.py): lines
typed on the serial port and on the keyboard (``sendkey``) are edited by
the line editor, drawn on both consoles, and run by the command registry.

Keys go at most about 50 a second through the monitor, and serial bytes
in small pieces, so a loaded host changes nothing that arrives."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

from pythos.kernel_tools.qemu import QemuSession

from .test_boot import boot, wait_for_screen

PROMPT = "pythos> "
KEY_PAUSE = 0.02


def type_keys(vm: QemuSession, keys: list[str]) -> None:
    for key in keys:
        vm.send_key(key)
        time.sleep(KEY_PAUSE)


def spelled(text: str) -> list[str]:
    names = {" ": "spc", "'": "apostrophe", "\n": "ret"}
    return [names.get(c, c) for c in text]


def send(vm: QemuSession, text: str, until: str, timeout: float = 30) -> str:
    """Send ``text`` on serial; the serial output from then up to ``until``."""
    start = len(vm.serial_text)
    data = text.encode()
    for i in range(0, len(data), 64):
        vm.send_serial(data[i:i + 64])
        time.sleep(0.01)
    deadline = time.monotonic() + timeout
    while until not in vm.serial_text[start:]:
        assert time.monotonic() < deadline, f"{until!r} never came:\n{vm.serial_text[start:]!r}"
        time.sleep(0.05)
    out = vm.serial_text[start:]
    return out[:out.index(until) + len(until)]


def test_the_shell_prompt_edits_and_runs_commands_on_both_consoles(kernel_image: Path) -> None:
    with boot(kernel_image, timeout=120) as vm:
        vm.wait_for_serial(PROMPT, timeout=60)
        # Serial: quotes, a usage line, an unterminated quote.
        assert "a  b c d" in send(vm, "echo \"a  b\" 'c d'\r", "a  b c d")
        assert "usage: clear" in send(vm, "clear now\r", "usage: clear")
        out = send(vm, "echo 'open\r", "at column 6")
        assert "pythos: unterminated single quote at column 6" in out
        # Tab completes a command name; Enter runs it.
        out = send(vm, "hel\t\r", "list the commands, or show how to use one")
        assert "help " in out and "color FG [BG]" in out and "echo [WORD...]" in out
        # Arrows as a terminal sends them, Delete, Ctrl-A, Ctrl-K, Ctrl-C.
        out = send(vm, "ecxho ok\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[3~\x1b[F!\r", "ok!")
        out = send(vm, "junk\x01\x0b\x03", "^C")
        # Ctrl+Left, as xterm sends it, moves by words; a lone ESC is Escape.
        assert "Xone two\n" in send(vm, "echo one two\x1b[1;5D\x1b[1;5DX\r", "Xone two\n")
        time.sleep(0.3)
        assert "|\n" in send(vm, "echo \x1b", "echo ") + send(vm, "|\r", "|\n")
        # Keyboard: a typo fixed with Left and Delete, then Up brings it back.
        type_keys(vm, [*spelled("ecxho hi"), "left", "left", "left", "left", "left",
                       "left", "delete", "end", *spelled(" there"), "ret"])
        vm.wait_for_serial("hi there\n", timeout=20)
        type_keys(vm, ["up", "ret"])
        deadline = time.monotonic() + 20
        # The output twice, and the line from the history once (the first
        # time it was typed, the terminal got it in pieces, as edited).
        while vm.serial_text.count("hi there") < 3:
            assert time.monotonic() < deadline, vm.serial_text
            time.sleep(0.05)
        screen = wait_for_screen(vm, "pythos> echo hi there")
        # A line far too long is refused, and the shell goes on.
        out = send(vm, "y" * 10000 + "\r", "nothing was run", timeout=60)
        assert re.search(r"line too long: \d+ characters, the limit is 1000", out), out[-300:]
        assert "ok" in send(vm, "echo ok\r", "ok\n")
        screen = wait_for_screen(vm, "pythos> echo ok")
        serial = vm.serial_text
    assert ": panic:" not in serial, serial
    # The screen shows each line as it was finally edited: twice the
    # command, twice its output.
    text = "\n".join(screen)
    assert text.count("pythos> echo hi there") == 2 and text.count("hi there") == 4, text
    assert "ecxho" not in text and "junk" not in text, text


def test_100_kb_of_random_serial_bytes_leave_the_shell_alive(kernel_image: Path) -> None:
    """Garbage, half escape sequences, NUL, 0xFF and Enter among them (so
    random lines run as unknown commands), as fast as the port takes them;
    what overflows the input buffer is reported, and the shell then runs
    the next line typed."""
    rng = random.Random(13)
    pieces = [b"\x1b", b"\x1b[", b"\x1b[1;5", b"\x1bO", b"\x00", b"\xff", b"\r", b"\t",
              b"\x1b[3~", b"\xc3", b"\xe2\x82", b"\x7f", b"\x17", b"\x0c"]
    data = bytearray()
    while len(data) < 100_000:
        data += rng.choice(pieces) if rng.random() < 0.3 else rng.randbytes(rng.randint(1, 8))
    with boot(kernel_image, timeout=300) as vm:
        vm.wait_for_serial(PROMPT, timeout=60)
        for i in range(0, len(data), 1024):
            vm.send_serial(bytes(data[i:i + 1024]))
        # Wait until the shell has worked through what it kept: its output
        # stops growing.  (Input sent before then could be dropped too, and
        # a line that lost bytes is abandoned, as it should be.)
        deadline = time.monotonic() + 200
        length = -1
        while len(vm.serial_text) != length:
            assert time.monotonic() < deadline, "the shell never finished the flood"
            length = len(vm.serial_text)
            time.sleep(2.0)
        # Ctrl-C abandons whatever line the garbage left; then a command.
        marker = "still alive after the flood"
        out = send(vm, f"\x03echo '{marker}'\r", marker + "\n", timeout=240)
        assert marker in out
        serial = vm.serial_text
    assert ": panic:" not in serial, serial[-2000:]
    assert "command not found" in serial
    dropped = sum(int(n) for n in re.findall(r"serial: (\d+) bytes dropped", serial))
    print(f"{dropped} of {len(data)} bytes dropped and reported")

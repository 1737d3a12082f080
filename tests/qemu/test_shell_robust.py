"""2,000 random keys through QEMU's keyboard (``sendkey``) leave the shell
alive and responsive, with its screen intact.

The keys are seeded: letters, digits and punctuation, Space and Enter
(so random lines run as unknown commands, or as real ones: ``help``,
``clear`` and a game are all possible), the editing keys (arrows,
Home/End, Backspace, Delete, Tab, Ctrl-A/E/U/K/W/L/C), Escape and
Shift.  They go at most about 100 a second: the monitor's ``sendkey``
loses keys when driven much faster, and a key it drops would make the
test check nothing.  Afterwards Escape and Ctrl-C (which quit a game and
abandon a half-typed line) and one command must work, on both consoles.

The 100 KB of random serial bytes and the 10,000-character line are in
test_shell_prompt.py."""

from __future__ import annotations

import random
import time
from pathlib import Path

from .test_boot import boot, wait_for_screen
from .test_shell_prompt import PROMPT, send, spelled, type_keys

KEYS = [*"abcdefghijklmnopqrstuvwxyz0123456789", "spc", "ret", "minus", "equal", "comma",
        "dot", "slash", "apostrophe", "backslash", "semicolon", "left", "right", "up", "down",
        "home", "end", "backspace", "delete", "tab", "esc", "shift-a", "shift-2",
        "shift-apostrophe", "ctrl-a", "ctrl-e", "ctrl-u", "ctrl-k", "ctrl-w", "ctrl-l", "ctrl-c"]
# Commands that would end the test early, kept from being typed whole.
STOPPERS = ("halt", "reboot", "panic", "fault")


def random_keys(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    keys: list[str] = []
    typed = ""
    while len(keys) < count:
        # Letters most of the time, so that words (and commands) form.
        key = rng.choice(KEYS[:26]) if rng.random() < 0.5 else rng.choice(KEYS)
        if len(key) == 1:
            typed += key
            if any(typed.endswith(word) for word in STOPPERS):
                continue
        elif key in ("ret", "ctrl-c", "ctrl-u"):
            typed = ""
        keys.append(key)
    return keys


def test_2000_random_keys_leave_the_shell_alive(kernel_image: Path) -> None:
    keys = random_keys(2000, seed=2026)
    with boot(kernel_image, timeout=600) as vm:
        vm.wait_for_serial(PROMPT, timeout=60)
        started = time.monotonic()
        type_keys_paced(vm, keys)
        elapsed = time.monotonic() - started
        time.sleep(1.0)
        # A modifier can be left down: QEMU's PS/2 queue drops scancodes
        # (a Shift release among them) when the guest is busy drawing a
        # long output while keys pour in, and no keyboard says so.  A tap
        # of each modifier, as a person would press Shift again, lifts it.
        type_keys(vm, ["shift", "shift_r", "ctrl", "ctrl_r", "alt"])
        type_keys(vm, ["esc", "ctrl-c", "ctrl-c"])
        time.sleep(0.5)
        type_keys(vm, ["ctrl-l", *spelled("echo alive"), "ret"])
        vm.wait_for_serial("alive\n", timeout=30)
        # The serial log runs ahead of the screen: wait until the output
        # row is drawn too, not just the echoed command.
        screen = wait_for_screen_rows(vm, ["pythos> echo alive", "alive"], timeout=30)
        assert "alive" in send(vm, "echo 'still alive'\r", "still alive\n")
        # Read the screen once both commands have answered: the typed line
        # is on it before Enter is, so an earlier look can miss the answer.
        screen = wait_for_screen(vm, "pythos> echo 'still alive'", timeout=30)
        serial = vm.serial_text
    assert ": panic:" not in serial, serial[-2000:]
    assert elapsed > len(keys) / 100 * 0.9, "keys went faster than the monitor takes them"
    text = "\n".join(screen)
    assert text.startswith("pythos> echo alive\nalive"), text


def wait_for_screen_rows(vm: object, rows: list[str], timeout: float) -> list[str]:
    """Poll the VGA text until its first rows are ``rows``."""
    deadline = time.monotonic() + timeout
    while True:
        lines = vm.read_vga_text()  # type: ignore[attr-defined]
        if [line.rstrip() for line in lines[:len(rows)]] == rows:
            return lines
        if time.monotonic() > deadline:
            raise AssertionError(f"{rows!r} never topped the screen:\n" + "\n".join(lines))
        time.sleep(0.05)


def type_keys_paced(vm: object, keys: list[str]) -> None:
    """At most 100 keys a second (each ``sendkey`` also waits for the
    monitor's answer)."""
    for key in keys:
        started = time.monotonic()
        vm.send_key(key)  # type: ignore[attr-defined]
        rest = 0.01 - (time.monotonic() - started)
        if rest > 0:
            time.sleep(rest)

"""``user/sh.py`` on Pythos: a shell written in Python, in ring 3.

Booted with ``run=sh``, the shell reads lines from the console (edited
and echoed by the kernel), spawns the programs they name from the
ramdisk, waits for each, and leaves on ``exit``.
"""

from __future__ import annotations

import re
from pathlib import Path

from pythos.kernel_tools.initrd import initrd_path

from .test_boot import boot, wait_for_screen
from .test_console_line import spelled, type_keys
from .test_userspace import booted

REPO = Path(__file__).resolve().parents[2]
PROMPT = "$ "


def typed_line(vm, line: str, until: str) -> str:
    """Type ``line`` and Enter on serial and wait for ``until``."""
    vm.send_serial(line.encode() + b"\r")
    return vm.wait_for_serial(until, timeout=30)


def test_the_shell_runs_programs_from_the_ramdisk(kernel_image):
    motd = (REPO / "user" / "motd.txt").read_text()
    with boot(kernel_image, initrd=initrd_path(kernel_image), cmdline="run=sh",
              timeout=90) as vm:
        vm.wait_for_serial(PROMPT, timeout=30)
        type_keys(vm, [*spelled("hello"), "ret"])  # on the keyboard
        vm.wait_for_serial("hello from user space, pid 2\n" + PROMPT, timeout=30)
        typed_line(vm, "echo a  b", "a b\n" + PROMPT)
        typed_line(vm, "cat motd.txt", motd + PROMPT)
        typed_line(vm, "nothere 1 2", "sh: nothere: not found\n" + PROMPT)
        typed_line(vm, "status 5", "sh: status: exit status 5\n" + PROMPT)
        typed_line(vm, "crash_jump", "sh: crash_jump: killed\n" + PROMPT)
        typed_line(vm, "exit", "pid 1 (sh): exited with status 0\n")
        serial = booted(vm)
        screen = "\n".join(wait_for_screen(vm, "(sh): exited with status 0"))
    # The kernel echoed each line once; the programs' output follows it.
    assert "$ hello\nhello from user space, pid 2\n" in serial, serial
    assert "$ echo a  b\na b\n" in serial, serial
    assert re.search(r"^pid \d+ \(crash_jump\): page fault at 0x10, instruction fetch, "
                     r"user: killed$", serial, re.M), serial
    assert "frames not freed" not in serial and "panic" not in serial.lower(), serial
    assert "sh: nothere: not found" in screen, screen

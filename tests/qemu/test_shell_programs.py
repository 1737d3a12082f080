"""The ramdisk and user programs from the shell, in QEMU: ``ls``, ``cat``
and ``run`` (kernel/shell/commands/ls.py, cat.py, run.py).  ``run``
starts a program and the shell task awaits its end
(kernel/task/procwait.py) while the program has the CPU, reads the
console, faults or exits; the shell then says how it ended.  One boot,
with the ramdisk."""

from __future__ import annotations

import re
import time
from pathlib import Path

from pythos.kernel_tools.initrd import initrd_path

from .test_boot import boot, wait_for_screen
from .test_shell_commands import at_prompt, command
from .test_shell_prompt import PROMPT

REPO = Path(__file__).resolve().parents[2]


def test_ls_cat_and_run_from_the_shell(kernel_image: Path, tmp_path: Path) -> None:
    motd = (REPO / "user" / "motd.txt").read_text()
    with boot(kernel_image, initrd=initrd_path(kernel_image), timeout=180) as vm:
        vm.wait_for_serial(PROMPT, timeout=60)
        listing = command(vm, "ls")
        screen = wait_for_screen(vm, "motd.txt", timeout=10)
        vm.screendump(tmp_path / "shell-ls.png")
        assert any(re.fullmatch(r" +\d+  motd.txt", row) for row in screen), screen
        assert re.search(rf"^ +{len(motd.encode())}  motd.txt$", listing, re.M), listing
        assert re.search(r"^ +\d+  hello$", listing, re.M), listing
        assert command(vm, "cat motd.txt") == motd
        assert command(vm, "cat mo\t") == motd, "Tab completes the file name"
        assert command(vm, "cat nothere") == "cat: nothere: no such file (ls lists them)\n"
        assert command(vm, "cat") == "usage: cat FILE\n"
        out = command(vm, "run hello")
        match = re.fullmatch(r"hello from user space, pid (\d+)\n"
                             r"pid (\d+) \(hello\): exited with status 0\n", out)
        assert match and match[1] == match[2], out
        assert re.fullmatch(r"pid \d+ \(status\): exited with status 7\n",
                            command(vm, "run status 7"))
        assert re.fullmatch(r"one two\npid \d+ \(echo\): exited with status 0\n",
                            command(vm, "run echo one two"))
        assert command(vm, "run nothere x") == "run: nothere: no such file (ls lists them)\n"
        assert command(vm, "run motd.txt").startswith("run: motd.txt: not a program: ")
        assert command(vm, "run") == "usage: run PROG [ARG...]\n"
        out = command(vm, "run crash_jump")
        assert re.search(r"^pid (\d+) \(crash_jump\): page fault at 0x10, instruction fetch, "
                         r"user: killed\npid \1 \(crash_jump\): killed\n", out, re.M), out
        # A program that reads the console gets the typed line; Ctrl-D ends it.
        start = len(vm.serial_text)
        vm.send_serial(b"run cat\r")
        vm.wait_for_serial("pythos> run cat\r\n", timeout=10)
        vm.send_serial(b"typed to cat\r")
        vm.wait_for_serial("typed to cat\ntyped to cat\n", timeout=20)
        vm.send_serial(b"\x04")
        vm.wait_for_serial("cat: end of input\n", timeout=20)
        at_prompt(vm)
        assert re.search(r"pid \d+ \(cat\): exited with status 0\n" + re.escape(PROMPT) + "$",
                         vm.serial_text[start:]), vm.serial_text[start:]
        # Ctrl-C on COM1 stops a program that never gives the CPU back,
        # and one blocked reading the console; the shell goes on.
        for program in ("spin", "cat"):
            start = len(vm.serial_text)
            vm.send_serial(f"run {program}\r".encode())
            vm.wait_for_serial(f"pythos> run {program}\r\n", timeout=10)
            time.sleep(0.5)
            vm.send_serial(b"\x03")
            at_prompt(vm)
            assert re.search(rf"^pid \d+ \({program}\): stopped by Ctrl-C\n" + re.escape(PROMPT)
                             + "$", vm.serial_text[start:], re.M), vm.serial_text[start:]
        assert command(vm, "echo after") == "after\n"
        # The shell waited without keeping anything: the heap is as it was.
        assert "heapcheck: nothing kept" in command(vm, "heapcheck run hello")
        # The same on the screen (the screendump is docs/images/shell-run.png).
        vm.send_serial(b"clear\r")
        vm.wait_for_serial("\x1b[2J" + PROMPT, timeout=10)
        for line in ("cat motd.txt", "run hello", "run status 7", "run nothere"):
            command(vm, line)
        screen = wait_for_screen(vm, "run: nothere: no such file", timeout=10)
        vm.screendump(tmp_path / "shell-run.png")
        serial = vm.serial_text
    assert screen[0] == "pythos> cat motd.txt", screen
    assert re.search(r"^pid \d+ \(status\): exited with status 7$", "\n".join(screen), re.M)
    assert "frames not freed" not in serial and ": panic:" not in serial, serial

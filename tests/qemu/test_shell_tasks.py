"""The shell as a task on the executor, in QEMU (kernel/task/share.py,
kernel/shell/prompt.py): a boot with no options comes to the prompt, ``ps``
lists the shell's task, and a game runs as a task of its own, which the
shell awaits (kernel/shell/jobs.py), so the serial console stays alive
while it plays and Ctrl-C over serial cancels it with the screen given
back; the clock goes on meanwhile.  One boot for all of it, to keep the
suite lean."""

from __future__ import annotations

import re
import time
from pathlib import Path

from .test_boot import boot, wait_for_screen
from .test_shell_commands import at_prompt, command
from .test_shell_prompt import PROMPT


def uptime_ms(vm) -> int:  # type: ignore[no-untyped-def]
    match = re.search(r"\((\d+) ms, \d+ timer ticks, \d+ ms tickless\)", command(vm, "uptime"))
    assert match, vm.serial_text[-300:]
    return int(match[1])


def test_the_shell_task_runs_a_game_that_ctrl_c_stops(kernel_image: Path, tmp_path: Path) -> None:
    with boot(kernel_image, timeout=120) as vm:
        vm.wait_for_serial(PROMPT, timeout=60)
        assert "command line: " in vm.serial_text and "shell=" not in vm.serial_text
        ps = command(vm, "ps")
        rows = [line.split() for line in ps.splitlines()[1:-1]]
        assert [(row[1], row[-1]) for row in rows] == [("running", "shell")], ps
        assert re.search(r"^1 tasks; \d+ polls", ps, re.M), ps
        before = uptime_ms(vm)
        screen_before = wait_for_screen(vm, "ms tickless)")
        start = len(vm.serial_text)
        vm.send_serial(b"snake 42\r")
        vm.wait_for_serial("snake: playing on the screen", timeout=20)
        wait_for_screen(vm, "Score", timeout=20)
        time.sleep(0.3)
        vm.send_serial(b"\x03")                      # Ctrl-C on the serial console
        at_prompt(vm)
        out = vm.serial_text[start:]
        assert re.search(r"snake: stopped by Ctrl-C\nsnake: score 0, high score \d+", out), out
        # The screen came back as the game found it, then scrolled on.
        screen = wait_for_screen(vm, "snake: score")
        vm.screendump(tmp_path / "snake-stopped.png")
        assert not any("Score" in line for line in screen), screen
        last = [line for line in screen_before if "ms tickless)" in line][-1]
        assert screen[screen.index(last) + 1] == "pythos> snake 42", screen
        after = uptime_ms(vm)
        assert after > before + 300, (before, after)
        assert "running" in command(vm, "ps")
        # The shell refuses to kill itself, by name or by ID: the prompt stays.
        assert command(vm, "kill shell") == "kill: shell: the shell cannot kill itself\n"
        assert command(vm, "kill 1") == "kill: 1: the shell cannot kill itself\n"
        assert command(vm, "echo still here") == "still here\n"
    assert ": panic:" not in vm.serial_text

"""Drive the running kernel from outside: keys through QEMU's monitor
(``sendkey``) and bytes through the serial port must show up on the VGA
screen (and on serial), and the uptime must follow the wall clock."""

from __future__ import annotations

import re
import time
from pathlib import Path

from pythos.kernel_tools.qemu import QemuSession

READY = "Pythos is up."
PROMPT = re.compile(r"^\[ *(\d+)\.(\d{3})\] ?(.*)$")


def screen_prompts(vm: QemuSession) -> list[tuple[float, str]]:
    """(uptime, text typed after it) for each prompt line on the screen."""
    prompts = []
    for line in vm.read_vga_text():
        match = PROMPT.match(line)
        if match:
            prompts.append((int(match.group(1)) + int(match.group(2)) / 1000, match.group(3)))
    return prompts


def wait_for_prompt_text(vm: QemuSession, text: str, timeout: float = 10.0) -> list[str]:
    deadline = time.monotonic() + timeout
    while True:
        typed = [t for _, t in screen_prompts(vm)]
        if text in typed:
            return typed
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} never typed on screen:\n" +
                                 "\n".join(vm.read_vga_text()))
        time.sleep(0.05)


def test_keys_and_serial_bytes_echo_on_screen(kernel_image: Path) -> None:
    with QemuSession(kernel_image, cmdline="echo=1", timeout=30) as vm:
        vm.wait_for_serial(READY)
        for key in ["h", "i", "spc", "shift-p", "y", "shift-1", "ret"]:
            vm.send_key(key)
        wait_for_prompt_text(vm, "hi Py!")
        # The line is on screen before Enter is handled; wait for the echo
        # of the newline so the serial bytes start a line of their own.
        vm.wait_for_serial("hi Py!\n")
        vm.send_serial(b"from com1\r")
        typed = wait_for_prompt_text(vm, "from com1")
        assert typed.index("hi Py!") < typed.index("from com1")
        # Extended keys (arrows) and modifiers type nothing; Caps Lock does.
        for key in ["up", "left", "ctrl", "caps_lock", "o", "k", "caps_lock", "ret"]:
            vm.send_key(key)
        wait_for_prompt_text(vm, "OK")
        serial = vm.wait_for_serial("OK\n")
        assert "hi Py!\n" in serial and "from com1\n" in serial
        assert vm.exit_code is None


def test_uptime_follows_the_wall_clock(kernel_image: Path) -> None:
    with QemuSession(kernel_image, cmdline="echo=1", timeout=30) as vm:
        vm.wait_for_serial(READY)
        vm.send_serial(b"a\r")
        wait_for_prompt_text(vm, "a")
        started = time.monotonic()
        time.sleep(2.0)
        vm.send_serial(b"b\r")
        wait_for_prompt_text(vm, "b")
        elapsed = time.monotonic() - started
        # The "b" is echoed before the Enter is handled: wait for the prompt
        # that the Enter starts, below it.
        deadline = time.monotonic() + 10.0
        while True:
            prompts = screen_prompts(vm)
            b = [text for _, text in prompts].index("b")
            if b + 1 < len(prompts) or time.monotonic() > deadline:
                break
            time.sleep(0.05)
    # A prompt shows the uptime when the previous line was entered: the one
    # before "b" when "a\r" arrived, the one after "b" when "b\r" did.
    assert b + 1 < len(prompts), "no prompt after the line 'b'"
    measured = prompts[b + 1][0] - prompts[b][0]
    assert abs(measured - elapsed) < 0.5, (measured, elapsed)

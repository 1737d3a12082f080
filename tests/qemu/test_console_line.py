"""The console's line discipline in QEMU: keys typed through the monitor
(``sendkey``), edited and echoed by the kernel before a program reads them.

Keys go at most about 50 a second: the keyboard controller and QEMU's
monitor are not meant for faster typing, and a loaded host must not
change what arrives.
"""

from __future__ import annotations

import time
from pathlib import Path

from pythos.kernel_tools.initrd import initrd_path

from .test_boot import boot, wait_for_screen
from .test_userspace import booted

KEY_PAUSE = 0.02
REPO = Path(__file__).resolve().parents[2]


def type_keys(vm, keys: list[str]) -> None:
    for key in keys:
        vm.send_key(key)
        time.sleep(KEY_PAUSE)


def spelled(text: str) -> list[str]:
    """sendkey names for plain lowercase text."""
    names = {" ": "spc", "-": "minus", ".": "dot", "/": "slash", "\n": "ret", "_": "shift-minus"}
    return [names.get(c, c) for c in text]


def test_a_program_reads_the_line_as_edited(kernel_image):
    """cat reads the console: Backspace and Ctrl-U edit the line before cat
    sees it, the kernel echoes as it goes, and cat copies only the result."""
    with boot(kernel_image, initrd=initrd_path(kernel_image), cmdline="start=cat echo=1",
              timeout=60) as vm:
        booted(vm)
        time.sleep(0.5)  # cat is blocked in read by now
        type_keys(vm, [*spelled("hellp"), "backspace", "o", "ret"])
        vm.wait_for_serial("hellp\b \bo\nhello\n", timeout=20)
        type_keys(vm, [*spelled("junk"), "ctrl-u", *spelled("ok"), "ret"])
        vm.wait_for_serial("junk" + "\b \b" * 4 + "ok\nok\n", timeout=20)
        type_keys(vm, ["ctrl-d"])
        serial = vm.wait_for_serial("cat: end of input\n", timeout=20)
        screen = wait_for_screen(vm, "cat: end of input")
    # Each line is on the screen twice: the echo, then cat's copy; the
    # erased text is not there at all.
    text = "\n".join(screen)
    assert text.count("hello") == 2 and text.count("ok") >= 2, text
    assert "hellp" not in text and "junk" not in text, text
    assert serial.count("hello\n") == 1, serial  # the echo had the correction


def test_the_kernel_console_edits_its_lines_the_same_way(kernel_image):
    with boot(kernel_image, cmdline="echo=1", timeout=60) as vm:
        booted(vm)
        type_keys(vm, [*spelled("abc"), "backspace", "backspace", *spelled("xy"), "ret"])
        vm.wait_for_serial("abc\b \b\b \bxy\n", timeout=20)
        type_keys(vm, [*spelled("gone"), "ctrl-u", *spelled("kept"), "ret"])
        vm.wait_for_serial("gone" + "\b \b" * 4 + "kept\n", timeout=20)
        screen = "\n".join(wait_for_screen(vm, "kept"))
    assert "axy" in screen and "abc" not in screen and "gone" not in screen, screen

"""A Python user program reads the argument line ``spawn`` gave it.

``user/echo.py`` gets the line through ``pythos.syscalls.args_line``: the
user runtime's ``_start`` kept RDI and RSI, where the kernel put the
line's address and length.  (Several words come from ``sh``,
tests/qemu/test_shell.py; the kernel command line splits at spaces.)
"""

from __future__ import annotations

from .test_userspace import run_programs


def test_echo_prints_its_argument_line(kernel_image):
    serial = run_programs(kernel_image, ["echo:hello-from-run", "echo", "echo:x"])
    assert ("hello-from-run\npid 1 (echo): exited with status 0\n"
            "\npid 2 (echo): exited with status 0\n"
            "x\npid 3 (echo): exited with status 0\n") in serial, serial

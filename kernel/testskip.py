"""Skipping an in-kernel test that cannot run on this machine.

A test that depends on a CPU feature the machine lacks (the NX bit, say)
calls ``skip`` with the reason instead of passing vacuously or failing.
``skip`` prints ``skipped: <reason>`` and leaves QEMU at once with its own
exit code, which the host runner (pythos/kernel_tools/ktest.py) reports as "skipped"
and not as a pass; the run then goes on with the next test in a fresh
boot, as after a failure.  Only tests call it.

It lives apart from ``kernel.testing`` because that module imports the
test registry, which imports every test module: a test importing it
back would make a cycle.
"""

from typing import Final

from pythos.lang import extern, i32

# The isa-debug-exit code of a skipped test (QEMU exit status 37).
EXIT_TEST_SKIPPED: Final = 0x12


@extern("pythos_halt")
def halt(code: i32) -> None:
    ...


def skip(reason: str) -> None:
    """End the running test as skipped because of ``reason``; never returns."""
    print(f"skipped: {reason}")
    halt(i32(EXIT_TEST_SKIPPED))

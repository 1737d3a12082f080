"""The kernel half of the in-kernel test runner.

The host side (pythos/ktest.py) boots a test build of the kernel with a
command-line option that says which tests to run:

    test=all    every test, except those marked @should_panic
    test=N-     test N and every later one, except @should_panic tests
    test=N      only test N

`kmain` calls `run` with the option's value once the console works.  Each test prints `test <name> ... ` before it runs and `ok` after
it returns; a test fails by panicking, and the panic report ends the run.
After the last test the kernel leaves QEMU through the isa-debug-exit
device with code 0x10 (QEMU exit status 33); a panic leaves with 101
(status 203), so the host can tell the two apart from the exit status
alone.
"""

from typing import Final

import kernel.test_registry as registry
from kernel.bytespan import ByteSpan
from pythos.lang import extern, i32, i64, struct, u64

EXIT_TESTS_DONE: Final = 0x10


@extern("pythos_halt")
def halt(code: i32) -> None:
    ...


@struct
class Selection:
    present: bool  # a test= option was given
    first: i64
    last: i64  # inclusive; -1 means "through the last test"
    skip_should_panic: bool


def parse_selection(value: ByteSpan, out: Selection) -> None:
    """Decode the value of `test=`: `all`, `N` or `N-`."""
    out.present = True
    out.first = i64(0)
    out.last = i64(-1)
    out.skip_should_panic = True
    if value.equals("all"):
        return
    n = i64(0)
    i = u64(0)
    while i < value.length and 48 <= value.at(i) <= 57:
        n = n * 10 + i64(value.at(i) - 48)
        i += 1
    out.first = n
    if i < value.length and value.at(i) == 45:  # "N-": from N on
        return
    out.last = n
    out.skip_should_panic = False


def run(value: ByteSpan) -> None:
    """Run the tests that `test=<value>` selects, then leave QEMU."""
    selection = Selection()
    parse_selection(value, selection)
    passed = 0
    i = selection.first
    while i < registry.TEST_COUNT and (selection.last < 0 or i <= selection.last):
        if not (selection.skip_should_panic and registry.should_panic(i)):
            print(f"test {registry.test_name(i)} ... ", end="")
            registry.run_test(i)
            print("ok")
            passed += 1
        i += 1
    print(f"{passed} kernel tests passed")
    halt(i32(EXIT_TESTS_DONE))

"""The kernel half of the in-kernel test runner.

The host side (pythos/kernel_tools/ktest.py) boots a test build of the kernel with a
command-line option that says which tests to run:

    test=all    every test, except those marked @should_panic
    test=N-     test N and every later one, except @should_panic tests
    test=N      only test N

N counts from 0 and must name a test that exists.  Any other value, or
any value at all on a kernel built without tests, is an error: the kernel
says what it expected (listing the tests by number) and leaves QEMU with
code 0x11 (status 35), never with the success code.

`kmain` calls `run` with the option's value once the console works.  Each test prints `test <name> ... ` before it runs and `ok` after
it returns; a test fails by panicking, and the panic report ends the run.
After the last test the kernel leaves QEMU through the isa-debug-exit
device with code 0x10 (QEMU exit status 33); a panic leaves with 101
(status 203), so the host can tell the two apart from the exit status
alone.
"""

from typing import Final

import kernel.console as console
import kernel.test_registry as registry
from kernel.bytespan import ByteSpan
from pythos.lang import extern, i32, i64, struct, u64

EXIT_TESTS_DONE: Final = 0x10
# test= named no tests (debug_exit.FAILURE): QEMU exits with status 35.
EXIT_BAD_SELECTOR: Final = 0x11


@extern("pythos_halt")
def halt(code: i32) -> None:
    ...


@struct
class Selection:
    present: bool  # a test= option was given
    valid: bool  # its value names tests that exist
    first: i64
    last: i64  # inclusive; -1 means "through the last test"
    skip_should_panic: bool


def parse_number(value: ByteSpan, end: u64, limit: i64) -> i64:
    """The decimal number in ``value[0:end]``, or -1 when it is empty, has a
    non-digit, or is ``limit`` or more (checked digit by digit, so a huge
    number cannot wrap around to a small or negative one)."""
    if end == 0:
        return i64(-1)
    n = i64(0)
    for i in range(end):
        digit = value.at(u64(i))
        if digit < 48 or digit > 57:
            return i64(-1)
        n = n * 10 + i64(digit - 48)
        if n >= limit:
            return i64(-1)
    return n


def parse_selection(value: ByteSpan, test_count: i64, out: Selection) -> None:
    """Decode the value of `test=`: `all`, `N` or `N-`, N a test's number
    (0 to ``test_count`` - 1).  Anything else leaves ``out.valid`` False."""
    out.present = True
    out.valid = False
    out.first = i64(0)
    out.last = i64(-1)
    out.skip_should_panic = True
    if value.equals("all"):
        out.valid = test_count > 0
        return
    digits = value.length
    if digits > 0 and value.at(digits - 1) == 45:  # "N-": from N on
        digits -= 1
    n = parse_number(value, digits, test_count)
    if n < 0:
        return
    out.valid = True
    out.first = n
    if digits == value.length:
        out.last = n
        out.skip_should_panic = False


def reject(value: ByteSpan) -> None:
    """Explain why `test=<value>` runs nothing, then leave QEMU with FAILURE."""
    print("test=", end="")
    console.write_span(value)
    if registry.TEST_COUNT == 0:
        print(": this kernel has no tests compiled in (`pythos test` builds one that has)")
    else:
        print(f": not a test selector; expected all, N or N- with N from 0 to "
              f"{registry.TEST_COUNT - 1}:")
        for i in range(registry.TEST_COUNT):
            print(f"  {i:>3}  {registry.test_name(i64(i))}")
    halt(i32(EXIT_BAD_SELECTOR))


def run(value: ByteSpan) -> None:
    """Run the tests that `test=<value>` selects, then leave QEMU."""
    selection = Selection()
    parse_selection(value, i64(registry.TEST_COUNT), selection)
    if not selection.valid:
        reject(value)
        return
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

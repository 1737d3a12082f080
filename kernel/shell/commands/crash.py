"""``panic`` and ``fault KIND``: the kernel's failure reports, on demand.

They stop the machine, on purpose, to show what a failure looks like
from inside a running shell: ``panic`` an explicit ``panic()``, with the
words as its message; ``fault KIND`` one of the failures ``panic=KIND``
shows at boot (kernel/crashtest.py): ``assert``, ``divide``, ``index``,
``nested`` (a panic three calls deep), ``fault`` (a page fault three
calls deep) and ``overflow`` (the kernel stack runs into its guard
page).  The backtrace then runs through the shell: the command, the
registry, the prompt loop, ``kmain``.

The failures are made here rather than by calling ``crashtest.run``:
that function has one caller, ``kmain``'s option handling, so at -O2 it
is inlined there, and the backtrace tests read exactly that chain of
inlined calls (tests/qemu/test_backtrace.py).  A second caller would
change it.  As in crashtest.py, the failing values are computed from
the kind's length, so the compiler cannot see the failure coming.
"""

import kernel.crashtest as crashtest
from kernel.shell.output import Output
from kernel.shell.registry import OK, USAGE, command
from pythos.lang import Array, Ptr, panic, u8, u64


def fault_kinds() -> list[str]:
    return [kind for kind in crashtest.KINDS if kind != "test"]


@command("panic", args="[WORD...]", help="stop the kernel with a panic report")
def panic_command(out: Output, words: list[str]) -> int:
    reason = " ".join(words) if len(words) > 0 else "no reason given"
    panic(f"panic requested from the shell: {reason}")
    return OK


@command("fault", args="KIND", help="stop the kernel with a fault of KIND (Tab lists them)",
         choices=fault_kinds)
def fault(out: Output, words: list[str]) -> int:
    kind = words[0]
    if kind not in fault_kinds():
        out.line(f"fault: no kind {kind}; kinds: {' '.join(fault_kinds())}")
        return USAGE
    out.line(f"fault: {kind}")
    fail(kind)
    return OK


def fail(kind: str) -> None:
    """Fail in the way ``kind`` names (one of ``fault_kinds()``)."""
    length = len(kind)
    if kind == "assert":
        # len("assert") is 6, never 7.
        assert length == 7, "assertion failed on purpose (fault assert)"
    elif kind == "divide":
        zero = u64(length - 6)
        print(f"{u64(100) // zero}")
    elif kind == "index":
        small = Array[u8, 4]()
        print(f"{small[length]}")
    elif kind == "nested" or kind == "fault":
        print(f"the calls returned {deeper_1(kind)}")
    elif kind == "overflow":
        print(f"the recursion returned {crashtest.recurse(u64(length))}")


def deeper_1(kind: str) -> u64:
    return deeper_2(kind) + 1


def deeper_2(kind: str) -> u64:
    return deeper_3(kind) * 3


def deeper_3(kind: str) -> u64:
    if kind == "fault":
        return Ptr[u64](crashtest.UNMAPPED).volatile_load()
    panic("nested panic requested from the shell (fault nested)")
    return u64(0)

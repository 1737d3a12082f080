"""Deliberate failures, requested with ``panic=KIND`` on the command line.

Each one goes down a different road to the same place, the runtime's panic
report (``file:line: panic: message`` in red on the screen and on serial)
followed by ``pythos_halt(101)``.  The boot tests use them to prove that
every kind of failure is reported, with its source line, and stops the
machine instead of resetting it:

    panic=test     an explicit ``panic()``
    panic=assert   a failed ``assert``
    panic=divide   an integer division by zero
    panic=index    an array index out of range
    panic=nested   a ``panic()`` three calls deep (nested_1, _2, _3)
    panic=fault    a page fault three calls deep
    panic=overflow a recursion that never ends: the kernel stack runs into
                   its guard page, a double fault (exceptions.py)

``nested`` and ``fault`` are for the backtrace at the end of the report
(see ``backtrace.py``; at -O2 the three functions are inlined into their
caller, at -O0 each has a frame); ``overflow`` for the folding of its
hundreds of identical frames into one line.

The failing values are computed from the option text so the compiler
cannot see the failure coming and reject the program (or fold it away).
"""

from typing import Final

import kernel.log as log
from kernel.bytespan import ByteSpan
from pythos.lang import Array, Ptr, addr_of, asm, panic, u8, u64

# An address that no page table maps (PML4 entry 1, 512 GiB, is empty).
UNMAPPED: Final = u64(0x0000008000000000)


# Every kind, as panic= and the shell's ``fault KIND`` name them.
KINDS: Final = ["test", "assert", "divide", "index", "nested", "fault", "overflow"]


def run(kind: ByteSpan) -> None:
    """Fail in the way ``kind`` names; warn and return for an unknown kind."""
    if kind.equals("test"):
        panic("test panic requested on the command line (panic=test)")
    elif kind.equals("assert"):
        # len("assert") is 6, never 7.
        assert kind.length == 7, "assertion failed on purpose (panic=assert)"
    elif kind.equals("divide"):
        zero = kind.length - 6
        print(f"dividing by {zero}")
        print(f"{u64(100) // zero}")
    elif kind.equals("index"):
        small = Array[u8, 4]()
        print(f"{small[kind.length]}")
    elif kind.equals("nested") or kind.equals("fault"):
        print(f"nested calls returned {nested_1(kind)}")
    elif kind.equals("overflow"):
        print(f"the recursion returned {recurse(kind.length)}")
    else:
        log.warn("unknown panic= option; expected test, assert, divide, index, nested, "
                 "fault or overflow")


def nested_1(kind: ByteSpan) -> u64:
    return nested_2(kind) + 1


def nested_2(kind: ByteSpan) -> u64:
    return nested_3(kind) * 3


def nested_3(kind: ByteSpan) -> u64:
    if kind.equals("fault"):
        return Ptr[u64](UNMAPPED).volatile_load()
    panic("nested panic requested on the command line (panic=nested)")
    return u64(0)


def recurse(depth: u64) -> u64:
    """Call itself until the stack overflows, with a frame the optimiser
    cannot remove: the array's address escapes into assembly after the
    call, so the call can become neither a loop nor a tail call."""
    frame = Array[u64, 32]()
    frame[depth & 31] = depth
    result = recurse(depth + 1)
    asm("", "r,~{memory}", addr_of(frame).addr)
    return result + frame[0]

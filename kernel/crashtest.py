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

The failing values are computed from the option text so the compiler
cannot see the failure coming and reject the program (or fold it away).
"""

import kernel.log as log
from kernel.bytespan import ByteSpan
from pythos.lang import Array, panic, u8, u64


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
    else:
        log.warn("unknown panic= option; expected test, assert, divide or index")

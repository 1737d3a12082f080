"""``panic`` and ``fault KIND``: the kernel's failure reports, on demand.

They stop the machine, on purpose, to show what a failure looks like:
``panic`` an explicit ``panic()`` with its source line and backtrace,
``fault KIND`` one of the ways kernel/crashtest.py fails (as
``panic=KIND`` on the command line does): ``assert``, ``divide``,
``index``, ``nested``, ``fault`` (a page fault three calls deep) and
``overflow`` (the kernel stack runs into its guard page).
"""

from typing import Final

import kernel.crashtest as crashtest
from kernel.bytespan import ByteSpan
from kernel.shell.output import Output
from kernel.shell.registry import OK, USAGE, command
from pythos.lang import Array, Ptr, addr_of, panic, u8, u64

# crashtest.run reads its kind as bytes in memory (it comes from the boot
# command line there): the kind's letters are copied here.
KIND_BYTES: Final = 16
kind_storage = Array[u8, KIND_BYTES]()


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
    if words[0] not in fault_kinds():
        out.line(f"fault: no kind {words[0]}; kinds: {' '.join(fault_kinds())}")
        return USAGE
    kind = words[0]
    for i in range(len(kind)):
        kind_storage[i] = u8(ord(kind[i]))
    span = ByteSpan()
    span.set(Ptr[u8](addr_of(kind_storage).addr), u64(len(kind)))
    out.line(f"fault: {kind}")
    crashtest.run(span)
    return OK

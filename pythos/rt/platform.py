"""The platform under CPython, where nothing is compiled.

Compiled, ``pythos.rt.platform`` is not this file: the compiler points the
name at ``linux.py`` or ``kernel.py`` (``pythos/driver.py``).  Under
CPython no compiler is involved, and modules that import the runtime
(``pythos.rt.alloc``, and through it kernel modules such as the heap
benchmark, which host tests import) still need the name to mean
something.  This is that something: the same functions, in plain Python,
over the process's own output and memory that ``pythos.lang`` lets a
``Ptr`` reach.

Memory for the object allocator is one ``Array`` per request, kept alive
here until it is freed; host tests that want to count or limit it use
``tests/rt/simplatform.py`` instead.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Final

from pythos.lang import Array, Ptr, addr_of, i32, u8, u64
from pythos.rt.sysabi import E2BIG

AUTO_FLUSH: Final = True
PLATFORM_GRANULE: Final = u64(16)

# The arrays behind live platform blocks, by the address handed out.
_blocks: dict[int, tuple[Any, int]] = {}


def platform_alloc(size: u64, align: u64) -> u64:
    """``size`` bytes at a multiple of ``align``, from a fresh array."""
    length = int(size) + int(align)
    storage = Array[u8, length]()
    start = int(addr_of(storage).addr)
    aligned = (start + int(align) - 1) & ~(int(align) - 1)
    _blocks[aligned] = (storage, int(size))
    return u64(aligned)


def platform_free(addr: u64, size: u64, align: u64) -> None:
    storage = _blocks.pop(int(addr), None)
    if storage is None or storage[1] != int(size):
        raise MemoryError(f"platform_free({int(addr):#x}, {int(size)}): not a block "
                          f"platform_alloc handed out with that size")


def platform_write(fd: i32, data: Ptr[u8], length: u64) -> None:
    os.write(int(fd), bytes(int(data[i]) for i in range(int(length))))


def platform_catch_faults(handler: u64) -> None:
    """CPython reports faults itself (as exceptions)."""


# What pythos/rt/obj/exc.py does after reporting an uncaught exception:
# an uncaught exception exits with status 1, as CPython does.
UNCAUGHT_PANICS: Final = False


def platform_exit(code: i32) -> None:
    sys.exit(int(code))


def platform_panic_halt() -> None:
    sys.exit(101)


def platform_args_line(buffer: Ptr[u8], capacity: u64) -> int:
    """The program's arguments after its name, joined by single spaces, as
    the compiled platforms give them: their length, or -E2BIG."""
    line = " ".join(sys.argv[1:]).encode()
    if len(line) > int(capacity):
        return -int(E2BIG)
    for i, byte in enumerate(line):
        buffer[i] = u8(byte)
    return len(line)

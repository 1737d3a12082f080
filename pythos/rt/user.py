"""The Pythos user platform: a program in ring 3 on Pythos.

Output and exit are Pythos system calls (kernel/proc/syscalls.py), made
with the instruction and entry point shared with Linux
(`pythos/rt/syscall.py`).  Two things differ from the Linux platform:

* Output is flushed after every `print`.  Pythos has no signals: a
  program that faults is reported and ended by the kernel
  (`pid 3 (prog): page fault at ...: killed`) without running another of
  its instructions, so anything still in the buffer would be lost.
  Flushing at each print also keeps a program's lines in order with the
  kernel's own on the shared console.
* So there is no fault hook to install: `platform_catch_faults` does
  nothing, and the kernel's one-line report is the program's last word.

Memory for the object allocator (`platform_alloc`, `platform_free`)
comes from the process's heap, whose end the `brk` system call moves: the
pages in use are kept in a bitmap (pythos/rt/user_pages.py), a block goes
in the first free stretch that fits or at the top, where the break grows
for it, and the break comes back down whenever the pages at the top are
free, so the kernel gets their frames back at once.  The granule is a
page.

The argument line comes as the kernel's `spawn` passed it: at `_start`,
RDI holds its address (a NUL-terminated copy at the top of the stack) and
RSI its length; `_start` keeps both (`entry_registers`) and
`platform_args_line` copies the line out for `pythos.syscalls.args_line`.
"""

from typing import Final

import pythos.rt.user_pages as user_pages
from pythos.lang import Ptr, i32, i64, u8, u64
from pythos.rt.sysabi import E2BIG, SYS_BRK, SYS_EXIT
from pythos.rt.syscall import ENTRY_RDI, ENTRY_RSI, entry_registers, syscall1, write_all
from pythos.rt.user_pages import NO_PAGE, PageMap

AUTO_FLUSH: Final = True
PAGE_SIZE: Final = u64(4096)
# The object allocator's large blocks take whole pages (pythos.rt.alloc).
PLATFORM_GRANULE: Final = u64(4096)

# The heap's pages in use, and the address of its first page (0 until the
# first platform_alloc asks the kernel where the heap starts).
heap_pages = PageMap()
heap_base: u64 = u64(0)


def platform_write(fd: i32, data: Ptr[u8], length: u64) -> None:
    write_all(fd, data, length)


def platform_catch_faults(handler: u64) -> None:
    """The kernel reports and ends a program that faults."""


# What pythos/rt/obj/exc.py does after reporting an uncaught exception:
# an uncaught exception exits with status 1, as CPython does.
UNCAUGHT_PANICS: Final = False


def platform_exit(code: i32) -> None:
    syscall1(SYS_EXIT, u64(i64(code)))


def platform_panic_halt() -> None:
    platform_exit(101)


def platform_args_line(buffer: Ptr[u8], capacity: u64) -> i64:
    """Copy the argument line `spawn` gave this program to `buffer`; its
    length, or -E2BIG (and nothing copied) when it is longer than
    `capacity`."""
    registers = entry_registers()
    line = Ptr[u8](registers[ENTRY_RDI])
    length = registers[ENTRY_RSI]
    if length > capacity:
        return -E2BIG
    for i in range(length):
        buffer[i] = line[i]
    return i64(length)


def set_break(end: u64) -> bool:
    """Move the heap's end to ``end``; whether the kernel did."""
    return syscall1(SYS_BRK, end) == i64(end)


def platform_alloc(size: u64, align: u64) -> u64:
    """``size`` bytes at a multiple of ``align`` (a power of two) from the
    heap, page-aligned at least; 0 when the kernel has no more to give."""
    global heap_base
    if heap_base == 0:
        start = syscall1(SYS_BRK, 0)
        if start <= 0:
            return u64(0)
        heap_base = u64(start)
    count = (size + PAGE_SIZE - 1) // PAGE_SIZE
    if count == 0:
        count = u64(1)
    align_pages = align // PAGE_SIZE if align > PAGE_SIZE else u64(1)
    index = user_pages.place(heap_pages, heap_base // PAGE_SIZE, count, align_pages)
    if index == NO_PAGE:
        return u64(0)
    if index + count > heap_pages.top:
        if not set_break(heap_base + (index + count) * PAGE_SIZE):
            return u64(0)
        heap_pages.top = index + count
    user_pages.mark(heap_pages, index, count, True)
    return heap_base + index * PAGE_SIZE


def platform_free(addr: u64, size: u64, align: u64) -> None:
    """Give back what ``platform_alloc(size, align)`` returned; the break
    comes down over the free pages at the top of the heap."""
    count = (size + PAGE_SIZE - 1) // PAGE_SIZE
    if count == 0:
        count = u64(1)
    user_pages.mark(heap_pages, (addr - heap_base) // PAGE_SIZE, count, False)
    top = user_pages.free_tail(heap_pages)
    if top < heap_pages.top and set_break(heap_base + top * PAGE_SIZE):
        heap_pages.top = top

"""The Linux platform: raw system calls, no libc.

The entry point `_start` and the `syscall` instruction are shared with
the Pythos user target (`pythos/rt/syscall.py`).  What is Linux's own is
the fault hook: a memory fault is a signal, caught on a stack of its own
and reported as a panic.

The argument line: Linux leaves the argument count and the argument
vector on the stack `_start` finds (`entry_registers`), and
`platform_args_line` joins the arguments after the program's name with
single spaces, which is the line a Pythos program gets from `spawn`.
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, i32, i64, u8, u64
from pythos.rt.sysabi import E2BIG
from pythos.rt.syscall import (
    ENTRY_RSP,
    entry_registers,
    syscall1,
    syscall2,
    syscall4,
    syscall6,
    write_all,
)

AUTO_FLUSH: Final = False
SYS_MMAP: Final = 9
SYS_MUNMAP: Final = 11
SYS_RT_SIGACTION: Final = 13
SYS_SIGALTSTACK: Final = 131
SYS_EXIT_GROUP: Final = 231
SIGBUS: Final = 7
SIGSEGV: Final = 11
# A handler taking siginfo, run on the alternate stack; x86-64 Linux
# insists on a restorer, which ours never needs: the handler exits.
SA_SIGINFO: Final = 0x4
SA_RESTORER: Final = 0x04000000
SA_ONSTACK: Final = 0x08000000
FAULT_STACK_SIZE: Final = 65536
PROT_READ: Final = 0x1
PROT_WRITE: Final = 0x2
MAP_PRIVATE: Final = 0x02
MAP_ANONYMOUS: Final = 0x20
PAGE_SIZE: Final = u64(4096)
# The object allocator's large blocks take whole pages (pythos.rt.alloc).
PLATFORM_GRANULE: Final = u64(4096)

# A stack overflow leaves no stack to handle it on, so faults are handled
# on this one.  `fault_stack_t` is the kernel's stack_t (base, flags,
# size) and `fault_action` its sigaction (handler, flags, restorer, mask).
fault_stack = Array[u8, FAULT_STACK_SIZE]()
fault_stack_t = Array[u64, 3]()
fault_action = Array[u64, 4]()


def platform_write(fd: i32, data: Ptr[u8], length: u64) -> None:
    write_all(fd, data, length)


def mmap_anonymous(length: u64) -> u64:
    """``length`` bytes (a multiple of the page size) of fresh zeroed
    memory, page-aligned; 0 when the kernel refuses."""
    result = syscall6(SYS_MMAP, 0, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                      u64(0xFFFFFFFFFFFFFFFF), 0)
    # Linux returns -errno (-4095 to -1) on failure.
    if result < 0 and result > -4096:
        return u64(0)
    return u64(result)


def munmap(addr: u64, length: u64) -> None:
    if length != 0:
        syscall2(SYS_MUNMAP, addr, length)


def platform_alloc(size: u64, align: u64) -> u64:
    """Memory for the object allocator: ``size`` bytes at a multiple of
    ``align`` (a power of two), straight from the kernel, or 0.

    ``mmap`` gives whole pages at a page boundary.  A larger alignment
    (the allocator's runs are aligned to their size, up to 32 KiB) is had
    by mapping ``align - PAGE_SIZE`` bytes more and unmapping the pages
    before the aligned start and after the end.
    """
    length = (size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)
    slack = u64(0)
    if align > PAGE_SIZE:
        slack = align - PAGE_SIZE
    start = mmap_anonymous(length + slack)
    if start == 0 or slack == 0:
        return start
    aligned = (start + align - 1) & ~(align - 1)
    munmap(start, aligned - start)
    munmap(aligned + length, start + slack - aligned)
    return aligned


def platform_free(addr: u64, size: u64, align: u64) -> None:
    """Give back what ``platform_alloc(size, align)`` returned."""
    munmap(addr, (size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))


def platform_catch_faults(handler: u64) -> None:
    fault_stack_t[0] = addr_of(fault_stack).addr
    fault_stack_t[2] = FAULT_STACK_SIZE
    syscall2(SYS_SIGALTSTACK, addr_of(fault_stack_t).addr, 0)
    fault_action[0] = handler
    fault_action[1] = SA_SIGINFO | SA_ONSTACK | SA_RESTORER
    fault_action[2] = handler
    set_action(SIGSEGV)
    set_action(SIGBUS)


def set_action(signal: u64) -> None:
    syscall4(SYS_RT_SIGACTION, signal, addr_of(fault_action).addr, 0, 8)


# What pythos/rt/obj/exc.py does after reporting an uncaught exception:
# an uncaught exception exits with status 1, as CPython does.
UNCAUGHT_PANICS: Final = False


def platform_exit(code: i32) -> None:
    syscall1(SYS_EXIT_GROUP, u64(i64(code)))


def platform_panic_halt() -> None:
    platform_exit(101)


def platform_args_line(buffer: Ptr[u8], capacity: u64) -> i64:
    """Copy the program's arguments (argv[1:]), joined by single spaces, to
    `buffer`; their length, or -E2BIG when they are longer than `capacity`
    (the buffer then holds what fitted)."""
    stack = Ptr[u64](entry_registers()[ENTRY_RSP])
    count = stack[0]  # argc; argv[i] is stack[1 + i]
    length = u64(0)
    for i in range(u64(1), count):
        if i > 1:
            if length == capacity:
                return -E2BIG
            buffer[length] = u8(0x20)
            length += 1
        argument = Ptr[u8](stack[1 + i])
        k = u64(0)
        while argument[k] != 0:
            if length == capacity:
                return -E2BIG
            buffer[length] = argument[k]
            length += 1
            k += 1
    return i64(length)

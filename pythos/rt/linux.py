"""The Linux platform: raw system calls, no libc.

The entry point `_start` and the `syscall` instruction are shared with
the Pythos user target (`pythos/rt/syscall.py`).  What is Linux's own is
the fault hook: a memory fault is a signal, caught on a stack of its own
and reported as a panic.
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, i32, i64, u8, u64
from pythos.rt.syscall import syscall1, syscall2, syscall4, write_all

AUTO_FLUSH: Final = False
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

# A stack overflow leaves no stack to handle it on, so faults are handled
# on this one.  `fault_stack_t` is the kernel's stack_t (base, flags,
# size) and `fault_action` its sigaction (handler, flags, restorer, mask).
fault_stack = Array[u8, FAULT_STACK_SIZE]()
fault_stack_t = Array[u64, 3]()
fault_action = Array[u64, 4]()


def platform_write(fd: i32, data: Ptr[u8], length: u64) -> None:
    write_all(fd, data, length)


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


def platform_exit(code: i32) -> None:
    syscall1(SYS_EXIT_GROUP, u64(i64(code)))


def platform_panic_halt() -> None:
    platform_exit(101)

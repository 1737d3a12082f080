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

The argument line comes as the kernel's `spawn` passed it: at `_start`,
RDI holds its address (a NUL-terminated copy at the top of the stack) and
RSI its length; `_start` keeps both (`entry_registers`) and
`platform_args_line` copies the line out for `pythos.syscalls.args_line`.
"""

from typing import Final

from pythos.lang import Ptr, i32, i64, u8, u64
from pythos.rt.sysabi import E2BIG, SYS_EXIT
from pythos.rt.syscall import ENTRY_RDI, ENTRY_RSI, entry_registers, syscall1, write_all

AUTO_FLUSH: Final = True


def platform_write(fd: i32, data: Ptr[u8], length: u64) -> None:
    write_all(fd, data, length)


def platform_catch_faults(handler: u64) -> None:
    """The kernel reports and ends a program that faults."""


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

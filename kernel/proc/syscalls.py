"""The system call table, and the checks on every argument.

``pythos_syscall_dispatch`` is called by the entry stub
(kernel/arch/x86_64/syscall.py) with the number and the first three
arguments.  The numbers are Linux's, so a program that uses only these
calls runs on Linux unchanged:

    number  call                        result
    1       write(fd, buffer, length)   bytes written, or -EBADF / -EFAULT
    39      getpid()                    the process id
    60      exit(status)                does not return; the low byte is kept

Any other number returns -ENOSYS.  A pointer argument is checked before
the kernel touches it: the whole range must lie in the user half and every
page of it must be mapped with the USER bit in the caller's tables.  A
bad pointer is an error code for the caller, never a fault in the kernel.
"""

from typing import Final

import kernel.arch.x86_64.usermode as usermode
import kernel.console as console
import kernel.mm.address_space as address_space
from kernel.mm.addr import PAGE_SIZE, PhysAddr, VirtAddr
from kernel.mm.paging import PRESENT, USER
from kernel.proc import elf
from pythos.lang import Ptr, export, i32, i64, read_cr3, u8, u64

SYS_WRITE: Final = u64(1)
SYS_GETPID: Final = u64(39)
SYS_EXIT: Final = u64(60)

EBADF: Final = i64(9)
EFAULT: Final = i64(14)
ENOSYS: Final = i64(38)

STDOUT: Final = u64(1)
STDERR: Final = u64(2)


def user_range_ok(start: u64, length: u64) -> bool:
    """Whether ``[start, start + length)`` is in the user half (pure arithmetic)."""
    return elf.USER_BOTTOM <= start <= elf.USER_TOP and length <= elf.USER_TOP - start


def user_readable(start: u64, length: u64) -> bool:
    """Whether the caller may pass ``length`` bytes at ``start`` to the kernel:
    in the user half, and every page mapped for ring 3 in the current tables."""
    if not user_range_ok(start, length):
        return False
    if length == 0:
        return True
    tables = address_space.tables_of(PhysAddr(read_cr3() & ~(PAGE_SIZE - 1)))
    page = start & ~(PAGE_SIZE - 1)
    while page < start + length:
        if tables.flags(VirtAddr(page)) & (PRESENT | USER) != PRESENT | USER:
            return False
        page += PAGE_SIZE
    return True


def sys_write(fd: u64, buffer: u64, length: u64) -> i64:
    if fd != STDOUT and fd != STDERR:  # noqa: SIM109 - no tuples in Pythos
        return -EBADF
    if not user_readable(buffer, length):
        return -EFAULT
    console.write(i32(fd), Ptr[u8](buffer), length)
    return i64(length)


@export("pythos_syscall_dispatch")
def dispatch(number: u64, a0: u64, a1: u64, a2: u64) -> u64:
    """Run system call ``number``; the result goes back in RAX."""
    if number == SYS_WRITE:
        return u64(sys_write(a0, a1, a2))
    if number == SYS_GETPID:
        return usermode.current_pid
    if number == SYS_EXIT:
        usermode.leave(i64(a0 & 0xFF))
    return u64(-ENOSYS)

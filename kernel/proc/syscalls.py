"""The system call table, and the checks on every argument.

``pythos_syscall_dispatch`` is called by the entry stub
(kernel/arch/x86_64/syscall.py) with the number and the first four
arguments (RDI, RSI, RDX, R10).  The numbers of the calls Linux also has
are Linux's, so a program that uses only those runs on Linux unchanged;
Pythos's own calls start at 500.  The numbers themselves are defined once,
in pythos/rt/sysabi.py, which this module and the user-side wrappers
(pythos/rt/user_syscalls.py, user/syscalls.inc) all take them from.

    number  call                              result
    0       read(fd, buffer, length)          bytes read (0: end of file); fd 0 blocks for input
    1       write(fd, buffer, length)         bytes written (fd 1 and 2: the console)
    2       open(path, path_length)           a descriptor (3 and up) for a ramdisk file
    3       close(fd)                         0
    12      brk(new_end)                      the heap's end (0 only asks)
    24      yield()                           0, after the other READY tasks had a turn
    39      getpid()                          the process id
    60      exit(status)                      does not return; the low byte is kept
    61      wait(pid)                         the child's exit status (pid -1: any child)
    62      kill(pid)                         0; the process ends before it runs ring 3 code again
    500     spawn(path, path_length, args, args_length)   the new process's pid
    501     sleep_ms(ms)                      0, at least ms milliseconds later
    502     uptime_ms()                       milliseconds since the clock started

Errors are negated errno values, as on Linux: -ENOENT 2, -ESRCH 3,
-EBADF 9, -ECHILD 10, -ENOMEM 12, -EFAULT 14, -EINVAL 22, -EMFILE 24,
-ENOSYS 38 (an unknown number).  A pointer argument is checked before the
kernel touches it: the whole range must lie in the user half, computed
without overflow, and every page of it must be mapped with the USER bit
(and WRITABLE, for a buffer the kernel writes) in the caller's tables.  A
bad pointer is -EFAULT for the caller, never a fault in the kernel.

The argument line of ``spawn`` (at most 256 bytes) reaches the new
program in registers: at its first instruction RDI holds the address of a
NUL-terminated copy at the top of its stack, and RSI its length.

Every call runs with interrupts off (SFMASK clears IF), so a call is never
preempted halfway; the ones that wait block in the scheduler, which runs
other tasks meanwhile.  Before returning to ring 3, a process that was
killed while it waited ends instead.
"""

from typing import Final

import kernel.arch.x86_64.usermode as usermode
import kernel.clock as clock
import kernel.console as console
import kernel.mm.address_space as address_space
import kernel.proc.brk as brk
import kernel.proc.files as files
import kernel.proc.process as process
import kernel.proc.scheduler as scheduler
from kernel.bytespan import ByteSpan
from kernel.mm.addr import PAGE_SIZE, PhysAddr, VirtAddr
from kernel.mm.paging import PRESENT, USER, WRITABLE
from kernel.proc import elf
from kernel.proc.tasks import NO_SLOT
from pythos.lang import Ptr, export, i32, i64, read_cr3, u8, u64
from pythos.rt.sysabi import (
    EBADF, EFAULT, EINVAL, ENOSYS, SYS_BRK, SYS_CLOSE, SYS_EXIT, SYS_GETPID, SYS_KILL, SYS_OPEN,
    SYS_READ, SYS_SLEEP_MS, SYS_SPAWN, SYS_UPTIME_MS, SYS_WAIT, SYS_WRITE, SYS_YIELD,
)

STDIN: Final = u64(0)
STDOUT: Final = u64(1)
STDERR: Final = u64(2)


def user_range_ok(start: u64, length: u64) -> bool:
    """Whether ``[start, start + length)`` is in the user half (pure arithmetic)."""
    return elf.USER_BOTTOM <= start <= elf.USER_TOP and length <= elf.USER_TOP - start


def user_mapped(start: u64, length: u64, flags: u64) -> bool:
    """Whether ``length`` bytes at ``start`` are in the user half and every
    page of them is mapped with USER and ``flags`` in the current tables."""
    if not user_range_ok(start, length):
        return False
    if length == 0:
        return True
    tables = address_space.tables_of(PhysAddr(read_cr3() & ~(PAGE_SIZE - 1)))
    wanted = PRESENT | USER | flags
    page = start & ~(PAGE_SIZE - 1)
    while page < start + length:
        if tables.flags(VirtAddr(page)) & wanted != wanted:
            return False
        page += PAGE_SIZE
    return True


def user_readable(start: u64, length: u64) -> bool:
    """Whether the caller may pass ``length`` bytes at ``start`` to the kernel."""
    return user_mapped(start, length, u64(0))


def user_writable(start: u64, length: u64) -> bool:
    """Whether the kernel may write ``length`` bytes at ``start`` for the caller."""
    return user_mapped(start, length, WRITABLE)


def sys_write(fd: u64, buffer: u64, length: u64) -> i64:
    if fd != STDOUT and fd != STDERR:  # noqa: SIM109 - no tuples in Pythos
        return -EBADF
    if not user_readable(buffer, length):
        return -EFAULT
    console.write(i32(fd), Ptr[u8](buffer), length)
    return i64(length)


def sys_read(fd: u64, buffer: u64, length: u64) -> i64:
    if fd != STDIN and files.index_of(fd) == NO_SLOT:
        return -EBADF
    if not user_writable(buffer, length):
        return -EFAULT
    if fd == STDIN:
        return process.read_console(Ptr[u8](buffer), length)
    return files.read_file(fd, Ptr[u8](buffer), length)


def user_name(path: u64, length: u64, out: ByteSpan) -> i64:
    """Check a path argument and point ``out`` at it; 0, -EFAULT or -EINVAL."""
    if not user_readable(path, length):
        return -EFAULT
    if length == 0 or length > process.MAX_PATH:
        return -EINVAL
    out.set(Ptr[u8](path), length)
    return i64(0)


def sys_open(path: u64, length: u64) -> i64:
    name = ByteSpan()
    checked = user_name(path, length, name)
    if checked != 0:
        return checked
    return files.open_file(name)


def sys_close(fd: u64) -> i64:
    if fd <= STDERR:
        return i64(0)  # the console stays open
    return files.close_file(fd)


def sys_spawn(path: u64, path_length: u64, args: u64, args_length: u64) -> i64:
    name = ByteSpan()
    checked = user_name(path, path_length, name)
    if checked != 0:
        return checked
    if args_length != 0 and not user_readable(args, args_length):
        return -EFAULT  # no arguments: any pointer will do
    return process.spawn(name, Ptr[u8](args), args_length, scheduler.current_pid())


def sys_sleep_ms(ms: u64) -> i64:
    now = clock.uptime_ms()
    deadline = now + ms if ms <= ~now else ~u64(0)
    scheduler.sleep_until(deadline)
    return i64(0)


def call(number: u64, a0: u64, a1: u64, a2: u64, a3: u64) -> i64:
    """Every call but getpid (see the table above)."""
    if number == SYS_WRITE:
        return sys_write(a0, a1, a2)
    if number == SYS_READ:
        return sys_read(a0, a1, a2)
    if number == SYS_OPEN:
        return sys_open(a0, a1)
    if number == SYS_CLOSE:
        return sys_close(a0)
    if number == SYS_BRK:
        return brk.brk(a0)
    if number == SYS_YIELD:
        scheduler.yield_cpu()
        return i64(0)
    if number == SYS_EXIT:
        process.exit_current(process.exit_status(a0), True)
    if number == SYS_WAIT:
        return process.wait(a0)
    if number == SYS_KILL:
        return process.kill(a0)
    if number == SYS_SPAWN:
        return sys_spawn(a0, a1, a2, a3)
    if number == SYS_SLEEP_MS:
        return sys_sleep_ms(a0)
    if number == SYS_UPTIME_MS:
        return i64(clock.uptime_ms())
    return -ENOSYS


@export("pythos_syscall_dispatch")
def dispatch(number: u64, a0: u64, a1: u64, a2: u64, a3: u64) -> u64:
    """Run system call ``number``; the result goes back in RAX."""
    if number == SYS_GETPID:  # first: the null call's cost is measured
        return usermode.current_pid
    result = call(number, a0, a1, a2, a3)
    process.exit_if_killed()
    return u64(result)

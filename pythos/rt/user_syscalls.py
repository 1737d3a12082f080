"""`pythos.syscalls` compiled for the user target: the real system calls.

A program imports `pythos.syscalls`.  Under CPython that is
`pythos/syscalls.py`, which maps each call to the host's `os` and `time`
where there is an equivalent; compiled with `--target user`, the compiler
loads this file under that name instead (pythos/driver.py), so the same
import makes the Pythos system calls of kernel/proc/syscalls.py.  The two
files declare the same functions with the same types.  The call and error
numbers come from pythos/rt/sysabi.py, the table the kernel uses too.

Strings (a path, a program's arguments) are copied into a buffer here
and passed as an address and a length: a Pythos `str` is constant data
whose address a program cannot take.  An error is a negative errno value,
as from the kernel.
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, i64, str_bytes, u8, u64
from pythos.rt.core import flush
from pythos.rt.platform import platform_args_line
from pythos.rt.sysabi import E2BIG as E2BIG
from pythos.rt.sysabi import EBADF as EBADF
from pythos.rt.sysabi import EFAULT as EFAULT
from pythos.rt.sysabi import ENAMETOOLONG as ENAMETOOLONG
from pythos.rt.sysabi import ENOENT as ENOENT
from pythos.rt.sysabi import ENOSYS as ENOSYS
from pythos.rt.sysabi import (
    SYS_BRK,
    SYS_CLOSE,
    SYS_EXIT,
    SYS_GETPID,
    SYS_KILL,
    SYS_OPEN,
    SYS_READ,
    SYS_SLEEP_MS,
    SYS_SPAWN,
    SYS_UPTIME_MS,
    SYS_WAIT,
    SYS_WRITE,
    SYS_YIELD,
)
from pythos.rt.syscall import syscall0, syscall1, syscall2, syscall3, syscall4

# The longest path and argument string a call can pass.
PATH_MAX: Final = u64(256)
ARGS_MAX: Final = u64(1024)
path_buffer = Array[u8, 256]()
args_buffer = Array[u8, 1024]()


def copy_string(text: str, buffer: Ptr[u8], capacity: u64) -> u64:
    """Copy the bytes of `text` to `buffer`; their number, or `capacity` + 1
    (and nothing copied) when they do not fit."""
    data = str_bytes(text)
    length = u64(len(data))
    if length > capacity:
        return capacity + 1
    for i in range(length):
        buffer[i] = data[i]
    return length


def read(fd: int, buffer: Ptr[u8], length: int) -> int:
    flush()  # a prompt printed before is seen before the program waits
    return syscall3(SYS_READ, u64(fd), buffer.addr, u64(length))


def write(fd: int, buffer: Ptr[u8], length: int) -> int:
    flush()  # what print() buffered goes first
    return syscall3(SYS_WRITE, u64(fd), buffer.addr, u64(length))


def open(path: str) -> int:
    length = copy_string(path, addr_of(path_buffer), PATH_MAX)
    if length > PATH_MAX:
        return -ENAMETOOLONG
    return syscall2(SYS_OPEN, addr_of(path_buffer).addr, length)


def close(fd: int) -> int:
    return syscall1(SYS_CLOSE, u64(fd))


def brk(end: int) -> int:
    return syscall1(SYS_BRK, u64(end))


def sched_yield() -> int:
    return syscall0(SYS_YIELD)


def getpid() -> int:
    return syscall0(SYS_GETPID)


def exit(status: int) -> None:
    flush()
    syscall1(SYS_EXIT, u64(status))


def wait(pid: int) -> int:
    return syscall1(SYS_WAIT, u64(pid))


def kill(pid: int) -> int:
    return syscall1(SYS_KILL, u64(pid))


def spawn(path: str, args: str) -> int:
    path_length = copy_string(path, addr_of(path_buffer), PATH_MAX)
    if path_length > PATH_MAX:
        return -ENAMETOOLONG
    args_length = copy_string(args, addr_of(args_buffer), ARGS_MAX)
    if args_length > ARGS_MAX:
        return -E2BIG
    return spawn_bytes(addr_of(path_buffer), i64(path_length), addr_of(args_buffer),
                       i64(args_length))


def spawn_bytes(path: Ptr[u8], path_length: int, args: Ptr[u8], args_length: int) -> int:
    """`spawn` with the name and the argument line in byte buffers."""
    return syscall4(SYS_SPAWN, path.addr, u64(path_length), args.addr, u64(args_length))


def sleep_ms(ms: int) -> int:
    return syscall1(SYS_SLEEP_MS, u64(ms))


def uptime_ms() -> int:
    return syscall0(SYS_UPTIME_MS)


def args_line(buffer: Ptr[u8], capacity: int) -> int:
    """Copy this program's argument line to `buffer`: its length, or -E2BIG
    when it is longer than `capacity` bytes.  The line is what `spawn` (or
    `run=NAME:ARGS`) gave; for a Linux program, its arguments joined by
    single spaces (the platform module's `platform_args_line`)."""
    if capacity < 0:
        return -E2BIG
    return platform_args_line(buffer, u64(capacity))

"""System calls for user programs: one typed function per call.

A user program imports what it needs::

    from pythos.syscalls import getpid, sleep_ms

and the same file then runs in two places:

* compiled with ``pythos compile --target user``, the compiler loads
  ``pythos/rt/user_syscalls.py`` under this module's name, and each
  function makes the Pythos system call of kernel/proc/syscalls.py;
* under CPython, this module is what runs: each call with a host
  equivalent uses it (``write`` is ``os.write``, ``getpid`` is
  ``os.getpid``, ``uptime_ms`` is the monotonic clock, ``spawn`` runs
  ``NAME.py`` from the running program's directory under the same
  interpreter and ``wait`` is ``os.waitpid``), and ``brk``, which only
  makes sense on Pythos, raises ``HostUnsupported`` with a clear message.

The table (numbers as pythos/rt/sysabi.py defines them for the kernel and
the user target; an error is a negative errno value, here as there, and
the error numbers are that module's)::

    call                       number  result
    read(fd, buffer, length)        0  bytes read
    write(fd, buffer, length)       1  bytes written
    open(path)                      2  a file descriptor
    close(fd)                       3  0
    brk(end)                       12  the heap's end (0 asks for it)
    sched_yield()                  24  0, after other processes ran
    getpid()                       39  this process's id
    exit(status)                   60  does not return
    wait(pid)                      61  the child's exit status (-1: any child)
    kill(pid)                      62  0
    spawn(path, args)             500  the new process's id
    spawn_bytes(path, n, args, m) 500  the same, from byte buffers
    sleep_ms(ms)                  501  0, at least ms milliseconds later
    uptime_ms()                   502  milliseconds since boot

``read``, ``write`` and ``exit`` send what ``print`` has buffered first,
so output stays in order and a prompt shows before the program waits.

One function is not a system call: ``args_line(buffer, capacity)`` copies
the program's argument line into a byte buffer (run-time ``str`` does not
exist yet) and returns its length, or -E2BIG when it does not fit.  On
Pythos the line is what ``spawn`` passed; on Linux and under CPython it is
the program's arguments after its name, joined by single spaces.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pythos.lang import HostUnsupported, Ptr, u8, u64
from pythos.rt.platform import platform_args_line
from pythos.rt.sysabi import E2BIG, EBADF, EFAULT, ENAMETOOLONG, ENOENT, ENOSYS

__all__ = [
    "E2BIG",
    "EBADF",
    "EFAULT",
    "ENAMETOOLONG",
    "ENOENT",
    "ENOSYS",
    "args_line",
    "brk",
    "close",
    "exit",
    "getpid",
    "kill",
    "open",
    "read",
    "sched_yield",
    "sleep_ms",
    "spawn",
    "spawn_bytes",
    "uptime_ms",
    "wait",
    "write",
]


R = TypeVar("R")
# What wait reports for a process ended by a signal (on Pythos: by a fault or kill).
KILLED = 256


def _errno(call: Callable[[], R]) -> R | int:
    """Run a host call; an ``OSError`` becomes -errno, as on Pythos."""
    try:
        return call()
    except OSError as error:
        return -(error.errno or ENOSYS)


def _pythos_only(name: str) -> HostUnsupported:
    return HostUnsupported(f"{name}() is a Pythos system call with no host equivalent; "
                           "compile the program with --target user and run it on Pythos")


def read(fd: int, buffer: Ptr[u8], length: int) -> int:
    sys.stdout.flush()
    data = _errno(lambda: os.read(fd, length))
    if isinstance(data, int):
        return data
    for i, byte in enumerate(data):
        buffer[i] = u8(byte)
    return len(data)


def write(fd: int, buffer: Ptr[u8], length: int) -> int:
    sys.stdout.flush()
    sys.stderr.flush()
    data = bytes(buffer[i] for i in range(length))
    return _errno(lambda: os.write(fd, data))


def open(path: str) -> int:  # noqa: A001 - the system call's name
    """Open a file for reading (on Pythos, a file of the ramdisk)."""
    return _errno(lambda: os.open(path, os.O_RDONLY))


def close(fd: int) -> int:
    def host_close() -> int:
        os.close(fd)
        return 0
    return _errno(host_close)


def brk(end: int) -> int:
    raise _pythos_only("brk")


def sched_yield() -> int:
    os.sched_yield()
    return 0


def getpid() -> int:
    return os.getpid()


def exit(status: int) -> None:  # noqa: A001 - the system call's name
    """End the program with ``status`` (``SystemExit`` under CPython)."""
    sys.exit(status)


def wait(pid: int) -> int:
    """The exit status of child ``pid`` (-1: any child) once it has ended:
    0-255, or 256 when a signal ended it (Pythos's "killed")."""
    def host_wait() -> int:
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        return code & 0xFF if code >= 0 else KILLED
    return _errno(host_wait)


def kill(pid: int) -> int:
    """End process ``pid`` (SIGKILL on the host)."""
    def host_kill() -> int:
        os.kill(pid, signal.SIGKILL)
        return 0
    return _errno(host_kill)


def spawn(path: str, args: str) -> int:
    """Start program ``path`` with the argument line ``args``; its pid.

    On the host the "ramdisk" is the directory of the running program (so
    ``user/`` for ``python3 user/sh.py``): ``path`` names ``PATH.py``
    there, which runs under this same interpreter with the line's words as
    its arguments, so its ``args_line`` is ``args`` with single spaces.
    """
    program = Path(sys.argv[0]).resolve().parent / f"{path}.py"
    if not path or "/" in path or not program.is_file():
        return -ENOENT
    sys.stdout.flush()
    sys.stderr.flush()
    return _errno(lambda: os.posix_spawn(sys.executable, [sys.executable, str(program),
                                                          *args.split()], os.environ))


def spawn_bytes(path: Ptr[u8], path_length: int, args: Ptr[u8], args_length: int) -> int:
    """``spawn`` with the name and the argument line in byte buffers, as a
    program that has read them (a shell) holds them."""
    name = bytes(int(path[i]) for i in range(path_length)).decode(errors="replace")
    line = bytes(int(args[i]) for i in range(args_length)).decode(errors="replace")
    return spawn(name, line)


def sleep_ms(ms: int) -> int:
    time.sleep(ms / 1000)
    return 0


def uptime_ms() -> int:
    """Milliseconds of the monotonic clock, which on Linux counts from boot."""
    return time.monotonic_ns() // 1_000_000


def args_line(buffer: Ptr[u8], capacity: int) -> int:
    """Copy the program's arguments, joined by single spaces, to ``buffer``;
    their length in bytes, or -E2BIG when they are longer than ``capacity``
    (the CPython platform's ``platform_args_line``, as compiled)."""
    if capacity < 0:
        return -E2BIG
    return platform_args_line(buffer, u64(capacity))

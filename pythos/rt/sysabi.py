"""The Pythos system call ABI: the numbers both sides of `syscall` agree on.

The kernel (kernel/proc/syscalls.py, compiled freestanding) and user
programs (pythos/rt/user_syscalls.py, compiled with `--target user`)
import these constants from here, so a call number or an error number is
written once and cannot drift between the side that makes a call and the
side that answers it.  The assembly programs under user/ get the same
call numbers: the initrd build passes every `SYS_` name below to the
assembler with `--defsym` (pythos/kernel_tools/initrd.py), and
user/syscalls.inc uses them by name.

The numbers of the calls Linux also has are Linux's, so a program that
uses only those runs on Linux unchanged; Pythos's own calls start at 500.
Errors are errno values, returned negated, as on Linux.  They are `i64`,
the type of a kernel call's result; in a user program that is `int`,
which is the same type (docs/language.md).

This module holds constants only, no code: it is runtime (`pythos.rt`),
which both the kernel and user programs may import.
"""

from typing import Final

from pythos.lang import i64, u64

SYS_READ: Final = u64(0)
SYS_WRITE: Final = u64(1)
SYS_OPEN: Final = u64(2)
SYS_CLOSE: Final = u64(3)
SYS_BRK: Final = u64(12)
SYS_YIELD: Final = u64(24)
SYS_GETPID: Final = u64(39)
SYS_EXIT: Final = u64(60)
SYS_WAIT: Final = u64(61)
SYS_KILL: Final = u64(62)
SYS_SPAWN: Final = u64(500)
SYS_SLEEP_MS: Final = u64(501)
SYS_UPTIME_MS: Final = u64(502)

ENOENT: Final = i64(2)
ESRCH: Final = i64(3)
E2BIG: Final = i64(7)
EBADF: Final = i64(9)
ECHILD: Final = i64(10)
ENOMEM: Final = i64(12)
EFAULT: Final = i64(14)
EINVAL: Final = i64(22)
EMFILE: Final = i64(24)
ENAMETOOLONG: Final = i64(36)
ENOSYS: Final = i64(38)

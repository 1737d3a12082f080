"""`pythos.syscalls` compiled for Linux: the calls Linux has too.

Pythos numbers its system calls as Linux does where the two agree, so
`read`, `write`, `close`, `brk`, `sched_yield`, `getpid` and `exit` are
the very same instructions on both, and a program that uses only those
runs on Linux as well.  `args_line` is no system call: it reads the
argument vector Linux left on the stack (pythos/rt/linux.py).  The
others (`open`, `wait` and `kill` take other arguments on Linux;
`spawn`, `sleep_ms` and `uptime_ms` do not exist there) are not defined
here, so importing one is a compile error.  The
error numbers are Linux's too.  One difference remains: when Linux cannot
move the heap's end, `brk` returns the old end rather than an error.
"""

# `name as name` marks each as re-exported, for linters.
from pythos.rt.user_syscalls import E2BIG as E2BIG
from pythos.rt.user_syscalls import EBADF as EBADF
from pythos.rt.user_syscalls import EFAULT as EFAULT
from pythos.rt.user_syscalls import ENAMETOOLONG as ENAMETOOLONG
from pythos.rt.user_syscalls import ENOSYS as ENOSYS
from pythos.rt.user_syscalls import args_line as args_line
from pythos.rt.user_syscalls import brk as brk
from pythos.rt.user_syscalls import close as close
from pythos.rt.user_syscalls import exit as exit
from pythos.rt.user_syscalls import getpid as getpid
from pythos.rt.user_syscalls import read as read
from pythos.rt.user_syscalls import sched_yield as sched_yield
from pythos.rt.user_syscalls import write as write

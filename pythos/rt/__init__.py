"""The Pythos runtime: support code compiled into every program.

These modules are written in Pythos itself and compiled together with the
user's program.  `core` formats and buffers output and reports panics;
`alloc` is the object allocator; the platform module (`linux`, `user` or
`kernel`, chosen by the target and imported under the alias
`pythos.rt.platform`) moves bytes to the outside world and gets memory
from it; `syscall` is the entry point and system call instruction the two
user-space platforms share.  `user_syscalls` and `linux_syscalls` are what
`pythos.syscalls` means when compiled for those targets; they and the
kernel take the call and error numbers from `sysabi`.  Under CPython,
where nothing is compiled, `platform.py` itself is `pythos.rt.platform`,
in plain Python.
"""

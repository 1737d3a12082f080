"""hello: the first user program written in Python.

It greets and says which process it is.  Compiled for Pythos
(`pythos compile --target user`), getpid is the kernel's system call;
under CPython (`python3 user/hello.py`) it is the host's.
"""

from pythos.syscalls import getpid


def main() -> None:
    print(f"hello from user space, pid {getpid()}")


if __name__ == "__main__":
    main()

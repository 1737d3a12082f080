"""echo: print the argument line, its words separated by single spaces.

The line comes from ``args_line`` (pythos.syscalls): on Pythos what
``spawn`` passed (``run=echo:hi``, or ``echo a b`` typed at ``sh``), under
CPython and on Linux the arguments after the program's name.  There is no
run-time ``str`` yet, so the words stay bytes in a buffer and go out with
``write``.
"""

from typing import Final

from pythos.lang import Array, addr_of, u8
from pythos.syscalls import args_line, exit, write

SPACE: Final = 0x20
line = Array[u8, 256]()


def main() -> None:
    length = args_line(addr_of(line), len(line))
    if length < 0:
        print(f"echo: the argument line is longer than {len(line)} bytes")
        exit(1)
    start = 0
    first = True
    while start < length:
        while start < length and line[start] == SPACE:
            start += 1
        end = start
        while end < length and line[end] != SPACE:
            end += 1
        if end > start:
            if not first:
                print(" ", end="")
            write(1, addr_of(line) + start, end - start)
            first = False
        start = end
    print()


if __name__ == "__main__":
    main()

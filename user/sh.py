"""sh: a small shell.  It reads a line, runs the program it names, waits.

::

    $ echo a   b
    a b
    $ status 3
    sh: status: exit status 3
    $ nothere
    sh: nothere: not found
    $ exit

The first word of a line is a program of the ramdisk, the rest of the line
(spaces at its ends trimmed) its argument line.  ``exit``, or the end of
input (Ctrl-D on an empty line), leaves the shell.  A program that exits
with a status other than 0 is reported, as is one that was killed.

There is no run-time ``str`` yet, so the line stays in a byte buffer and
the words are offsets into it: the program's name and its arguments go to
``spawn_bytes`` as they are.  Lines are taken from what ``read(0)``
returns, one newline at a time: on Pythos the console gives one edited
line per read, but a pipe under CPython or Linux may give several at once,
or part of one.

Under CPython (``python3 user/sh.py``) the same shell runs the ``.py``
programs next to it, through the host's ``spawn`` and ``wait``.
"""

from typing import Final

from pythos.lang import Array, addr_of, u8
from pythos.syscalls import ENOENT, read, spawn_bytes, wait, write

NEWLINE: Final = 0x0A
SPACE: Final = 0x20
TAB: Final = 0x09
KILLED: Final = 256

# Input read and not yet used: the line being run, then what came after it.
text = Array[u8, 512]()
held = 0


def is_space(c: u8) -> bool:
    return c == SPACE or c == TAB  # noqa: SIM109 - no tuples in Pythos


def next_line() -> int:
    """Make ``text`` start with a whole line; its length without the
    newline, or -1 at the end of input.  A line that fills the buffer is
    taken as it is."""
    global held
    while True:
        for i in range(held):
            if text[i] == NEWLINE:
                return i
        if held == len(text):
            return held
        count = read(0, addr_of(text) + held, len(text) - held)
        if count <= 0:
            return held if held > 0 else -1
        held += count


def drop_line(length: int) -> None:
    """Forget the line of ``length`` bytes at the start of ``text``, and its newline."""
    global held
    used = length + 1 if length < held else length
    for i in range(used, held):
        text[i - used] = text[i]
    held -= used


def say_name(start: int, end: int) -> None:
    print("sh: ", end="")
    write(1, addr_of(text) + start, end - start)


def is_exit(start: int, end: int) -> bool:
    word = b"exit"
    if end - start != len(word):
        return False
    for i in range(len(word)):  # noqa: SIM110 - no generator expressions in Pythos
        if text[start + i] != word[i]:
            return False
    return True


def run_line(length: int) -> bool:
    """Run the command in the first ``length`` bytes of ``text``; False
    when it was ``exit``."""
    start = 0
    while start < length and is_space(text[start]):
        start += 1
    end = start
    while end < length and not is_space(text[end]):
        end += 1
    if end == start:
        return True
    if is_exit(start, end):
        return False
    args = end
    while args < length and is_space(text[args]):
        args += 1
    args_end = length
    while args_end > args and is_space(text[args_end - 1]):
        args_end -= 1
    pid = spawn_bytes(addr_of(text) + start, end - start, addr_of(text) + args, args_end - args)
    if pid == -ENOENT:
        say_name(start, end)
        print(": not found")
    elif pid < 0:
        say_name(start, end)
        print(f": cannot run it (error {-pid})")
    else:
        status = wait(pid)
        if status == KILLED:
            say_name(start, end)
            print(": killed")
        elif status != 0:
            say_name(start, end)
            print(f": exit status {status}")
    return True


def main() -> None:
    while True:
        print("$ ", end="")
        length = next_line()
        if length < 0:
            print()
            return
        going_on = run_line(length)
        drop_line(length)
        if not going_on:
            return


if __name__ == "__main__":
    main()

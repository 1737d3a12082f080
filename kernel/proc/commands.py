"""The kernel console's own commands: ``ls``, ``cat FILE``, ``run PROG [ARGS]``.

Until a program is the shell (``user/sh.py`` is one: ``run sh``), the
kernel's console loop (kernel/echo.py) looks at each line typed at its
prompt.  A line whose first word is one of these is run; any other line
is only echoed, as it always was::

    ls                  every file of the ramdisk, with its size in bytes
    cat FILE            the bytes of ramdisk file FILE
    run PROG [ARGS]     start program PROG with the argument line ARGS,
                        wait until it has ended, and say its exit status
                        if it is not 0

Words are separated by spaces or tabs; ARGS is the rest of the line, from
its first word to its last, as typed.  ``run`` is ``run=PROG:ARGS`` of
the command line typed instead: the kernel task waits for the program
(letting it and its children run), reaps it, and says if it did not give
back every frame and heap byte.  A program that reads the console gets
the typed lines meanwhile; the console loop waits.
"""

from typing import Final

import kernel.console as console
import kernel.fs.initrd as initrd
import kernel.proc.process as process
from kernel.bytespan import ByteSpan
from kernel.cmdline import is_separator, next_word
from kernel.fs import ustar
from kernel.fs.ustar import Entry
from pythos.lang import Ptr, u8, u64

NEWLINE: Final = u8(0x0A)


def rest_of_line(line: ByteSpan, start: u64, out: ByteSpan) -> None:
    """Point ``out`` at ``line`` from offset ``start``, without the
    separators at either end."""
    begin = start
    while begin < line.length and is_separator(line.data[begin]):
        begin += 1
    end = line.length
    while end > begin and is_separator(line.data[end - 1]):
        end -= 1
    out.set(line.data + begin, end - begin)


def list_files() -> None:
    """``ls``: each file of the ramdisk, its size and its name."""
    entry = Entry()
    offset = u64(0)
    while ustar.read_entry(initrd.archive, offset, entry) == ustar.OK:
        offset = entry.next
        if entry.kind == ustar.KIND_FILE:
            print(f"{entry.data.length:>8}  ", end="")
            console.write_span(entry.name)
            print()


def cat(name: ByteSpan) -> None:
    """``cat FILE``: the file's bytes, and a newline if they do not end in one."""
    if name.length == 0:
        print("usage: cat FILE")
        return
    entry = Entry()
    if initrd.find(name, entry) != ustar.OK:
        print("cat: ", end="")
        console.write_span(name)
        print(": no such file")
        return
    console.write_span(entry.data)
    if entry.data.length > 0 and entry.data.data[entry.data.length - 1] != NEWLINE:
        print()


def run(words: ByteSpan) -> None:
    """``run PROG [ARGS]``."""
    name = ByteSpan()
    after = next_word(words, u64(0), name)
    if name.length == 0:
        print("usage: run PROG [ARGS]")
        return
    args = ByteSpan()
    rest_of_line(words, after, args)
    process.run(name, args, True)


def execute(text: Ptr[u8], length: u64) -> None:
    """Run the command on the line ``text`` (``length`` bytes, no newline),
    if it is one."""
    line = ByteSpan()
    line.set(text, length)
    command = ByteSpan()
    after = next_word(line, u64(0), command)
    rest = ByteSpan()
    rest_of_line(line, after, rest)
    if command.equals("ls"):
        list_files()
    elif command.equals("cat"):
        cat(rest)
    elif command.equals("run"):
        run(rest)

"""``ls``: the ramdisk's files, each with its size in bytes (kernel/fs/initrd.py).

The ramdisk is the one file system: a ``ustar`` archive of the user
programs and a few text files, read in place.  ``cat FILE`` shows a
file, ``run PROG`` starts a program.
"""

from kernel.fs import initrd, ustar
from kernel.fs.ustar import Entry
from kernel.shell.output import Output
from kernel.shell.registry import FAILED, OK, command
from pythos.lang import u64


@command("ls", help="list the ramdisk's files and their sizes")
def ls(out: Output, words: list[str]) -> int:
    if initrd.archive.length == 0:
        out.line("ls: there is no ramdisk (the boot loader gave no usable module)")
        return FAILED
    entry = Entry()
    offset = u64(0)
    while ustar.read_entry(initrd.archive, offset, entry) == ustar.OK:
        offset = entry.next
        if entry.kind == ustar.KIND_FILE:
            out.line(f"{entry.data.length:>8}  {initrd.text_of(entry.name)}")
    return OK

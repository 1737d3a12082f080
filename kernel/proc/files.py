"""Ramdisk files a process has open: ``open``, ``read`` and ``close``.

The ramdisk (kernel/fs/initrd.py) is read in place and never changes, so
an open file is just where its bytes are, how many there are, and how far
``read`` has got.  Each task slot has ``FILES_PER_TASK`` descriptors,
numbered from ``FIRST_FILE_FD`` (0-2 are the console); a free one has
``data`` 0.  The table is a fixed array, one row of descriptors per task
slot; ``close_all`` empties a row when its process exits.  Everything
here runs in system calls or in ``exit``, with interrupts off.
"""

from typing import Final

import kernel.fs.initrd as initrd
from kernel.bytespan import ByteSpan
from kernel.fs import ustar
from kernel.fs.ustar import Entry
from kernel.proc.scheduler import table
from kernel.proc.tasks import NO_SLOT
from pythos.lang import Array, Ptr, i64, struct, u8, u64
from pythos.rt.sysabi import EBADF, EMFILE, ENOENT

FILES_PER_TASK: Final = u64(8)
FIRST_FILE_FD: Final = u64(3)


@struct
class OpenFile:
    """A ramdisk file open in a process: its bytes and how far ``read`` got."""

    data: u64  # 0: the descriptor is free
    length: u64
    offset: u64


# Slot * FILES_PER_TASK + (fd - FIRST_FILE_FD).
files = Array[OpenFile, 512]()
def open_file(name: ByteSpan) -> i64:
    """Open ramdisk file ``name`` for reading; a descriptor, -ENOENT or -EMFILE."""
    entry = Entry()
    if initrd.find(name, entry) != ustar.OK:
        return -ENOENT
    base = table.current * FILES_PER_TASK
    for i in range(FILES_PER_TASK):
        if files[base + i].data == 0:
            files[base + i].data = entry.data.data.addr
            files[base + i].length = entry.data.length
            files[base + i].offset = u64(0)
            return i64(FIRST_FILE_FD + i)
    return -EMFILE


def index_of(fd: u64) -> u64:
    """The ``files`` index of the caller's descriptor ``fd``, or NO_SLOT."""
    if fd < FIRST_FILE_FD or fd >= FIRST_FILE_FD + FILES_PER_TASK:
        return NO_SLOT
    index = table.current * FILES_PER_TASK + (fd - FIRST_FILE_FD)
    if files[index].data == 0:
        return NO_SLOT
    return index


def close_file(fd: u64) -> i64:
    """Close ``fd``: 0, or -EBADF if it is not an open file."""
    index = index_of(fd)
    if index == NO_SLOT:
        return -EBADF
    files[index].data = u64(0)
    return i64(0)


def read_file(fd: u64, destination: Ptr[u8], length: u64) -> i64:
    """Read from an open file: bytes copied (0 at its end), or -EBADF.

    Safety: ``destination`` is writable for ``length`` bytes.
    """
    index = index_of(fd)
    if index == NO_SLOT:
        return -EBADF
    source = Ptr[u8](files[index].data)
    left = files[index].length - files[index].offset
    count = length if length < left else left
    for i in range(count):
        destination[i] = source[files[index].offset + i]
    files[index].offset += count
    return i64(count)


def close_all(slot: u64) -> None:
    """Close every file of task ``slot`` (its process has exited)."""
    for i in range(FILES_PER_TASK):
        files[slot * FILES_PER_TASK + i].data = u64(0)

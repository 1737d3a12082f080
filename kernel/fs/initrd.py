"""The initial ramdisk: the boot module that holds the user programs.

The loader puts the archive somewhere in physical memory and says where
in the Multiboot information (kernel/multiboot.py).  ``memory.init`` has
already kept those frames away from the frame allocator; ``init`` reaches
the archive through the physical-memory window, checks every header with
the USTAR reader (kernel/fs/ustar.py), and prints what it holds; with
``loglevel=debug`` it also lists each file with the ELF check of it
(kernel/proc/elf.py)::

    initrd: 1 files, 9 KiB at 0x16c000
      hello: 8904 bytes, ELF, 2 segments, entry 0x401000

A ramdisk that fails a check is reported and not used; the kernel goes on
without it.  Afterwards ``find`` looks files up by name.  The archive is
read in place and never written: it is a read-only file system.

The shell's ``ls``, ``cat`` and ``run`` see the files as ``str`` names
(``file_names``, ``find_named``, ``is_program``, ``text_of``): names
and contents are decoded as UTF-8, a malformed byte shown as U+FFFD.
"""

import kernel.console as console
import kernel.log as log
import kernel.mm.memory as memory
from kernel.bytespan import ByteSpan
from kernel.drivers.vga import Color
from kernel.fs import ustar
from kernel.fs.ustar import Entry, Summary
from kernel.mm.addr import PhysAddr
from kernel.multiboot import BootInfo
from kernel.proc import elf
from kernel.proc.elf import Image
from kernel.utf8 import Utf8Decoder
from pythos.lang import i32, u64

# The archive's bytes in the physical-memory window; empty without a
# usable ramdisk.  Written once by ``init``, read-only afterwards.
archive = ByteSpan()
summary = Summary()


def warn_start() -> None:
    console.set_color(Color.YELLOW)
    print("initrd: ", end="")


def init(boot: BootInfo) -> None:
    """Find, check and list the ramdisk (see the module docstring)."""
    archive.clear()
    if boot.module_count == 0:
        print("initrd: none (the boot loader gave no module)")
        return
    length = boot.initrd_end - boot.initrd_start
    if length == 0:
        warn_start()
        print("the boot module's entry is unreadable or empty; not used")
        console.reset_color()
        return
    start = memory.phys_window.ptr(PhysAddr(boot.initrd_start), length)
    if start.addr == 0:
        warn_start()
        print(f"module at {boot.initrd_start:#x}+{length:#x} is outside physical memory; not used")
        console.reset_color()
        return
    archive.set(start, length)
    status = ustar.summarize(archive, summary)
    if status != ustar.END:
        warn_start()
        print(f"bad archive at {boot.initrd_start:#x} ({length} bytes): "
              f"{ustar.error_name(status)}; not used")
        console.reset_color()
        archive.clear()
        return
    print(f"initrd: {summary.files} files, {(length + 1023) >> 10} KiB at {boot.initrd_start:#x}")
    if boot.module_count > 1:
        print(f"initrd: {boot.module_count - 1} more boot modules ignored")
    if log.enabled(log.DEBUG):
        list_files()  # one line per file: only when asked, the screen has 25 rows


def list_files() -> None:
    """One line per file: name, size and what the ELF check says."""
    entry = Entry()
    image = Image()
    offset = u64(0)
    while ustar.read_entry(archive, offset, entry) == ustar.OK:
        offset = entry.next
        if entry.kind != ustar.KIND_FILE:
            continue
        print("  ", end="")
        console.write_span(entry.name)
        print(f": {entry.data.length} bytes, ", end="")
        status = elf.parse(entry.data, image)
        if status == elf.OK:
            print(f"ELF, {image.count} segments, entry {image.entry:#x}")
        else:
            print(f"not a program: {elf.error_name(status)}")


def find(name: ByteSpan, entry: Entry) -> i32:
    """Look ``name`` up: ustar.OK with ``entry`` set, or a ustar error code."""
    return ustar.find(archive, name, entry)


def text_of(span: ByteSpan) -> str:
    """The span's bytes decoded as UTF-8, malformed bytes replaced."""
    decoder = Utf8Decoder()
    chars: list[str] = []
    for i in range(span.length):
        for k in range(decoder.feed(span.data[i])):
            chars.append(chr(decoder.out[k]))
    for k in range(decoder.flush()):
        chars.append(chr(decoder.out[k]))
    return "".join(chars)


def file_names() -> list[str]:
    """The names of the ramdisk's files, in archive order."""
    names: list[str] = []
    entry = Entry()
    offset = u64(0)
    while ustar.read_entry(archive, offset, entry) == ustar.OK:
        offset = entry.next
        if entry.kind == ustar.KIND_FILE:
            names.append(text_of(entry.name))
    return names


def find_named(name: str, entry: Entry) -> bool:
    """Whether a file is called ``name``; ``entry`` is then set to it."""
    offset = u64(0)
    while ustar.read_entry(archive, offset, entry) == ustar.OK:
        offset = entry.next
        if entry.kind == ustar.KIND_FILE and text_of(entry.name) == name:
            return True
    return False


def is_program(entry: Entry) -> bool:
    """Whether the file passes the ELF check: one ``run`` can start."""
    image = Image()
    return elf.parse(entry.data, image) == elf.OK

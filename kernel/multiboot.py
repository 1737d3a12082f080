"""Reading the Multiboot 1 information structure the boot loader left us.

A Multiboot loader (GRUB, QEMU's ``-kernel``) starts the kernel with the
physical address of this structure in ``ebx``; the boot stub passes it to
``kmain`` as ``info``.  The fields the kernel uses, with the ``flags`` bit
that says each is valid::

    offset  field                 flags bit
     0      flags                 -
     4      mem_lower (KiB)       0   conventional memory below 1 MiB
     8      mem_upper (KiB)       0   memory from 1 MiB to the first hole
    16      cmdline (phys addr)   2   NUL-terminated command line
    20      mods_count            3   boot modules (the initrd is the first)
    24      mods_addr (phys addr) 3   an array of module entries
    44      mmap_length (bytes)   6   the BIOS (e820) memory map
    48      mmap_addr (phys addr) 6
    64      boot_loader_name      9   NUL-terminated loader name

The memory map is a sequence of entries of varying size; ``size`` does not
count itself, so the next entry starts ``size + 4`` bytes further on::

    offset  0        4          12        20
            | size   | base_addr | length  | type   |    (packed)
            | u32    | u64       | u64     | u32    |

A module entry is 16 bytes: ``mod_start`` and ``mod_end`` (u32 physical
addresses, end exclusive), ``string`` (the module's command line) and a
reserved word.  Only the first module is used: it is the initial ramdisk
(kernel/fs/initrd.py); the kernel keeps its address range, checked to be
non-empty and ordered, and reserves those frames (kernel/mm/memory.py).

``type`` 1 is usable RAM; 2 reserved, 3 ACPI tables (reclaimable), 4 ACPI
non-volatile storage, 5 defective RAM.

Everything the loader hands over is a physical address, read through a
``PhysWindow`` that checks each range before it becomes a pointer: a
corrupt or hostile structure cannot make the kernel read unmapped memory.
In the kernel the window is the boot stub's 1 GiB mapping; in host tests
it is an ``Array`` that plays physical memory.  Nothing here allocates:
results go into caller-provided structs and arrays.
"""

from typing import Final

import kernel.cmdline as cmdline
from kernel.arch.x86_64.layout import PhysWindow
from kernel.mm.addr import PhysAddr
from kernel.bytespan import ByteSpan
from pythos.lang import Array, Ptr, sizeof, struct, u32, u64

# What the loader puts in eax, and the boot stub passes as kmain's magic.
BOOTLOADER_MAGIC: Final = u32(0x2BADB002)

FLAG_MEMORY: Final = u32(1 << 0)
FLAG_CMDLINE: Final = u32(1 << 2)
FLAG_MODULES: Final = u32(1 << 3)
FLAG_MEMORY_MAP: Final = u32(1 << 6)
FLAG_LOADER_NAME: Final = u32(1 << 9)

REGION_AVAILABLE: Final = u32(1)
REGION_RESERVED: Final = u32(2)
REGION_ACPI_RECLAIMABLE: Final = u32(3)
REGION_ACPI_NVS: Final = u32(4)
REGION_BAD: Final = u32(5)

# Longest command line or loader name the kernel uses; longer ones are cut
# (a command line at a word boundary, see ``cmdline.keep_whole_words``).
MAX_STRING: Final = u64(4096)
# How far past MAX_STRING a string is still measured, to say how much was
# cut and which options were lost; a longer one is reported as "at least".
MAX_SCAN: Final = u64(65536)
# The smallest memory map entry that holds base, length and type.
MIN_ENTRY_SIZE: Final = u32(20)
# The region array's length (the Array annotations below repeat it).
MAX_REGIONS: Final = 32


@struct
class MultibootInfo:
    """The start of the Multiboot 1 information structure, as laid out in memory."""

    flags: u32
    mem_lower: u32
    mem_upper: u32
    boot_device: u32
    cmdline: u32
    mods_count: u32
    mods_addr: u32
    syms: Array[u32, 4]
    mmap_length: u32
    mmap_addr: u32
    drives_length: u32
    drives_addr: u32
    config_table: u32
    boot_loader_name: u32


@struct(packed=True)
class MmapEntry:
    """One memory map entry as the loader writes it."""

    size: u32
    base_addr: u64
    length: u64
    type: u32


@struct
class ModuleEntry:
    """One boot module as the loader describes it."""

    mod_start: u32
    mod_end: u32
    string: u32
    reserved: u32


@struct
class MemoryRegion:
    """One range of physical memory and what it is."""

    base: u64
    length: u64
    kind: u32


@struct
class BootInfo:
    """What the kernel learned from the loader; fields are valid per ``flags``."""

    flags: u32
    mem_lower_kib: u32
    mem_upper_kib: u32
    # Virtual spans, empty when the loader gave none.  ``cmdline`` is what
    # the kernel reads options from: at most MAX_STRING bytes, whole words.
    cmdline: ByteSpan
    loader_name: ByteSpan
    mmap: PhysAddr
    mmap_length: u32
    # The whole command line as the loader gave it (up to MAX_SCAN bytes);
    # longer than ``cmdline`` when it had to be cut.
    cmdline_full: ByteSpan
    # How many modules the loader gave, and the physical range of the first
    # (``initrd_end`` exclusive); the range is empty when there is none or
    # when its entry was unreadable or reversed.
    module_count: u32
    initrd_start: u64
    initrd_end: u64

    def has(self, flag: u32) -> bool:
        """Whether the loader set ``flag`` (one of the FLAG_ constants)."""
        return self.flags & flag != 0


def read_string(window: PhysWindow, phys: PhysAddr, limit: u64, out: ByteSpan) -> None:
    """Point ``out`` at the NUL-terminated string at ``phys``.

    The string is cut at ``limit`` bytes or at the end of the window;
    ``out`` is empty when not even its first byte is mapped.
    """
    out.clear()
    first = window.ptr(phys, u64(1))
    if first.addr == 0:
        return
    if limit > window.size - phys.value:
        limit = window.size - phys.value
    length = u64(0)
    while length < limit and first[length] != 0:
        length += 1
    out.set(first, length)


def read_info(window: PhysWindow, info: PhysAddr, out: BootInfo) -> bool:
    """Fill ``out`` from the structure at ``info``.

    Returns False, leaving ``out`` empty, when the structure is not inside
    the window.
    """
    out.flags = u32(0)
    out.module_count = u32(0)
    out.initrd_start = u64(0)
    out.initrd_end = u64(0)
    out.cmdline.clear()
    out.cmdline_full.clear()
    out.loader_name.clear()
    base = window.ptr(info, sizeof(MultibootInfo))
    if base.addr == 0:
        return False
    mbi = Ptr[MultibootInfo](base.addr)[0]
    out.flags = mbi.flags
    if out.has(FLAG_MEMORY):
        out.mem_lower_kib = mbi.mem_lower
        out.mem_upper_kib = mbi.mem_upper
    if out.has(FLAG_CMDLINE):
        read_string(window, PhysAddr(u64(mbi.cmdline)), MAX_SCAN, out.cmdline_full)
        cmdline.keep_whole_words(out.cmdline_full, MAX_STRING, out.cmdline)
    if out.has(FLAG_LOADER_NAME):
        read_string(window, PhysAddr(u64(mbi.boot_loader_name)), MAX_STRING, out.loader_name)
    if out.has(FLAG_MEMORY_MAP):
        out.mmap.value = u64(mbi.mmap_addr)
        out.mmap_length = mbi.mmap_length
    if out.has(FLAG_MODULES):
        read_first_module(window, mbi.mods_count, PhysAddr(u64(mbi.mods_addr)), out)
    return True


def read_first_module(window: PhysWindow, count: u32, entries: PhysAddr, out: BootInfo) -> None:
    """Record the module count and the first module's range in ``out``."""
    out.module_count = count
    if count == 0:
        return
    first = window.ptr(entries, sizeof(ModuleEntry))
    if first.addr == 0:
        return
    entry = Ptr[ModuleEntry](first.addr)[0]
    if entry.mod_end > entry.mod_start:
        out.initrd_start = u64(entry.mod_start)
        out.initrd_end = u64(entry.mod_end)


def read_memory_map(window: PhysWindow, boot: BootInfo,
                    regions: Array[MemoryRegion, 32]) -> u32:
    """Copy the memory map into ``regions``; return how many were stored.

    Stops at the first malformed entry, at the end of the map, or when
    ``regions`` is full.  Returns 0 without a map or when it is not mapped.
    """
    if not boot.has(FLAG_MEMORY_MAP):
        return u32(0)
    start = window.ptr(boot.mmap, u64(boot.mmap_length))
    if start.addr == 0:
        return u32(0)
    count = u32(0)
    offset = u64(0)
    end = u64(boot.mmap_length)
    entry_bytes = sizeof(MmapEntry)
    while offset + entry_bytes <= end and count < MAX_REGIONS:
        entry = Ptr[MmapEntry](start.addr + offset)[0]
        if entry.size < MIN_ENTRY_SIZE:
            break
        region = regions[count]
        region.base = entry.base_addr
        region.length = entry.length
        region.kind = entry.type
        count += 1
        offset += u64(entry.size) + 4
    return count


def cmdline_was_cut(boot: BootInfo) -> bool:
    """Whether options were lost because the command line is too long."""
    return boot.cmdline.length < boot.cmdline_full.length


def usable_bytes(regions: Array[MemoryRegion, 32], count: u32) -> u64:
    """Total length of the available regions among the first ``count``."""
    total = u64(0)
    for i in range(count):
        if regions[i].kind == REGION_AVAILABLE:
            total += regions[i].length
    return total


def kind_name(kind: u32) -> str:
    """A short name for a region type."""
    if kind == REGION_AVAILABLE:
        return "available"
    if kind == REGION_RESERVED:
        return "reserved"
    if kind == REGION_ACPI_RECLAIMABLE:
        return "ACPI tables"
    if kind == REGION_ACPI_NVS:
        return "ACPI NVS"
    if kind == REGION_BAD:
        return "defective"
    return "unknown"

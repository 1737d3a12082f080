"""Four-level page tables: walking, translating, mapping and unmapping.

x86-64 translates a virtual address through four tables of 512 eight-byte
entries, each table one 4 KiB frame.  CR3 holds the physical address of
the top one, the PML4; each level's index is nine bits of the virtual
address (see ``kernel.mm.addr``)::

    CR3 -> PML4 [bits 39-47] -> PDPT [bits 30-38] -> PD [bits 21-29]
                                     |                  |
                                     | HUGE: 1 GiB page | HUGE: 2 MiB page
                                                        v
                                              PT [bits 12-20] -> 4 KiB frame + offset

Every entry is a physical frame address with flags around it::

     63  62      52 51                             12 11  9 8 7 6 5 4 3 2 1 0
    +---+----------+---------------------------------+-----+-+-+-+-+-+-+-+-+-+
    |NX | available| physical address of frame/table |avail|G|H|D|A|C|T|U|W|P|
    +---+----------+---------------------------------+-----+-+-+-+-+-+-+-+-+-+
     P  PRESENT     W WRITABLE     U USER (ring 3 may access)
     T  WRITE_THROUGH  C NO_CACHE  A ACCESSED  D DIRTY (set by the CPU)
     H  HUGE (in a PDPT or PD entry: this entry maps a 1 GiB or 2 MiB page)
     G  GLOBAL (kept in the TLB across CR3 loads)
     NX NO_EXECUTE (needs EFER.NXE)

Bit 63 is NX only while EFER.NXE is on.  The boot stub turns NXE on when
the CPU has the NX feature; on a CPU without it (``-cpu qemu64,-nx``,
early Core 2 and Pentium 4 parts) bit 63 is a *reserved* bit, and an
entry with it set makes every access through it fault ("reserved bit
set").  ``PageTables.unsupported_flags`` holds the bits this CPU lacks,
and every leaf entry the kernel writes goes through ``supported`` first,
so ``NO_EXECUTE`` asks for no-execute where the CPU can do it and is
dropped where it cannot (the page is then executable: docs/memory.md).

The CPU combines the flags of all four levels: a page is writable only if
every entry on the way says so, and the same for USER.  So intermediate
entries are made PRESENT and WRITABLE (and USER when the page is), and
the last entry carries the page's real permissions; NO_EXECUTE is only
ever put on the last one.

This module is pure logic: ``PageTables`` reaches the tables either
through a ``PhysWindow`` (the kernel's offset mapping, or an ``Array``
that stands in for RAM in host tests) or through the recursive entry
(below), takes new tables from a frame allocator, and never touches CR3
or the TLB.  After changing or removing an entry the
caller must flush that page from the TLB (``invlpg``, in
``kernel/arch/x86_64``); a map of a page that was not present needs no
flush.

The module also computes *recursive* addresses.  If PML4 entry 511 points
at the PML4 itself, the CPU walking an address whose top index is 511
stops one level early, so the tables themselves appear in virtual memory::

    table of level      virtual indexes (PML4, PDPT, PD, PT) of its address
    PML4 (4)            511, 511, 511, 511
    PDPT (3)            511, 511, 511, l4
    PD   (2)            511, 511, l4,  l3
    PT   (1)            511, l4,  l3,  l2
    (l4..l2 are the indexes of the page whose tables are wanted)

which is how a kernel without an offset mapping edits its page tables.
With ``recursive`` set, ``PageTables`` reaches every table that way: by
the page being walked and the level, not by the table's frame.  Only the
kernel can use that mode (the tables must be the CPU's current ones);
host tests use the window.

The kernel itself lives in PML4 slot 511 too (it is linked in the top
2 GiB, which the "kernel" code model requires).  The two share the slot
because the recursive entry makes the PML4 double as the kernel's PDPT:
``PML4[510]`` holds what the kernel's PDPT had in its entry 510, the
kernel's page directory, so the CPU's walk for a kernel address,
PML4[511] -> PML4[510] -> PD -> PT, ends where it always did.  The price
is slot 510, whose 512 GiB would be translated through the kernel's
tables: it is reserved, and ``map`` refuses it (``RESERVED_BY_RECURSION``).
docs/memory.md draws the picture.
"""

from typing import Final

from kernel.arch.x86_64.layout import PhysWindow
from kernel.mm.addr import PAGE_SIZE, PhysAddr, VirtAddr, virt_from_indexes
from kernel.mm.frame_allocator import FrameAllocator
from kernel.mm.frames import NO_FRAME
from pythos.lang import Ptr, panic, struct, u64

PRESENT: Final = u64(1 << 0)
WRITABLE: Final = u64(1 << 1)
USER: Final = u64(1 << 2)
WRITE_THROUGH: Final = u64(1 << 3)
NO_CACHE: Final = u64(1 << 4)
ACCESSED: Final = u64(1 << 5)
DIRTY: Final = u64(1 << 6)
HUGE: Final = u64(1 << 7)
GLOBAL: Final = u64(1 << 8)
NO_EXECUTE: Final = u64(1 << 63)
ADDRESS_MASK: Final = u64(0x000FFFFFFFFFF000)
ENTRIES: Final = u64(512)
RECURSIVE_INDEX: Final = u64(511)
# The PML4 slot that holds the kernel's page directory when the recursive
# entry shares slot 511 with the kernel (see the module docstring).
KERNEL_SLOT: Final = u64(510)
# Bytes mapped by one entry of each level: PT 4 KiB, PD 2 MiB, PDPT 1 GiB.
LEVEL_SHIFT_PT: Final = u64(12)

# What ``translate`` and ``unmap`` return for an address that is not mapped.
NOT_MAPPED: Final = NO_FRAME

# Results of ``map``.
MAPPED: Final = u64(0)
ALREADY_MAPPED: Final = u64(1)
NO_MEMORY: Final = u64(2)
HUGE_PAGE_IN_THE_WAY: Final = u64(3)
RESERVED_BY_RECURSION: Final = u64(4)


def entry_address(entry: u64) -> u64:
    """The physical frame or table an entry points at."""
    return entry & ADDRESS_MASK


def level_size(level: u64) -> u64:
    """The bytes one entry of ``level`` maps (1: 4 KiB, 2: 2 MiB, 3: 1 GiB)."""
    return u64(1) << (LEVEL_SHIFT_PT + 9 * (level - 1))


@struct
class PageTables:
    """A four-level hierarchy whose PML4 is the frame at ``root``.

    With ``recursive`` False the tables are reached by frame through
    ``window``; with it True, through the recursive entry of the CPU's
    current PML4 (``root`` must be CR3's, and ``map_recursive`` done).
    New tables are zeroed through ``window`` in both modes.
    ``unsupported_flags`` are entry bits the CPU does not implement
    (``NO_EXECUTE`` without EFER.NXE; 0, the default, means none):
    ``map`` and ``set_flags`` leave them out of the entries they write.
    """

    window: PhysWindow
    root: PhysAddr
    recursive: bool
    unsupported_flags: u64

    def supported(self, flags: u64) -> u64:
        """``flags`` without the bits this CPU would fault on as reserved."""
        return flags & ~self.unsupported_flags

    def table(self, frame: u64) -> Ptr[u64]:
        """The 512 entries of the table in ``frame``, through the window."""
        entries = self.window.ptr(PhysAddr(frame), PAGE_SIZE)
        if entries.addr == 0:
            panic(f"page table frame {frame:#x} is outside the physical memory window")
        return Ptr[u64](entries.addr)

    def table_of(self, page: VirtAddr, level: u64, frame: u64) -> Ptr[u64]:
        """The table of ``level`` on the way to ``page``, whose frame is ``frame``.

        The tables above it must be present and not huge pages, or the
        recursive address would not be mapped.
        """
        if self.recursive:
            return Ptr[u64](recursive_table(page, level).value)
        return self.table(frame)

    def entry(self, page: VirtAddr, level: u64) -> Ptr[u64]:
        """The entry of ``level`` (4 = PML4 .. 1 = PT) on the way to ``page``.

        A null Ptr when a table above that level is missing, or when a huge
        page above it already maps ``page``.
        """
        frame = self.root.value
        current = u64(4)
        while True:
            slot = self.table_of(page, current, frame) + page.page_index(current)
            if current == level:
                return slot
            value = slot[0]
            if value & PRESENT == 0 or value & HUGE != 0:
                return Ptr[u64](0)
            frame = entry_address(value)
            current -= 1

    def translate(self, address: VirtAddr) -> PhysAddr:
        """The physical address ``address`` maps to, or ``PhysAddr(NOT_MAPPED)``.

        Follows 1 GiB and 2 MiB huge pages, as the CPU does.
        """
        frame = self.root.value
        level = u64(4)
        while True:
            value = self.table_of(address, level, frame)[address.page_index(level)]
            if value & PRESENT == 0:
                return PhysAddr(NOT_MAPPED)
            if level == 1 or (value & HUGE != 0 and level <= 3):
                size = level_size(level)
                return PhysAddr((entry_address(value) & ~(size - 1)) | (address.value & (size - 1)))
            frame = entry_address(value)
            level -= 1

    def map(self, page: VirtAddr, frame: PhysAddr, flags: u64, frames: FrameAllocator) -> u64:
        """Map the 4 KiB ``page`` to ``frame`` with ``flags`` (PRESENT is implied).

        Missing tables are taken from ``frames`` and zeroed.  Returns
        ``MAPPED``, or ``ALREADY_MAPPED``, ``NO_MEMORY`` (no frame for a
        table; tables made so far stay, empty), ``HUGE_PAGE_IN_THE_WAY``
        or, in recursive mode, ``RESERVED_BY_RECURSION`` for a page in
        PML4 slot 510 or 511.

        Safety: mapping a frame that other code owns makes it reachable at
        ``page``; the caller decides who owns ``frame`` from now on.
        """
        if not page.is_aligned(PAGE_SIZE) or not frame.is_aligned(PAGE_SIZE):
            panic(f"map: page {page.value:#x} and frame {frame.value:#x} must be 4 KiB aligned")
        if not page.is_canonical():
            panic(f"map: page {page.value:#x} is not canonical")
        if flags & HUGE != 0 or flags & ADDRESS_MASK != 0:
            panic(f"map: flags {flags:#x} may not hold HUGE or address bits")
        if self.recursive and page.page_index(u64(4)) >= KERNEL_SLOT:
            return RESERVED_BY_RECURSION
        table_flags = PRESENT | WRITABLE | (flags & USER)
        table = self.root.value
        level = u64(4)
        while level > 1:
            slot = self.table_of(page, level, table) + page.page_index(level)
            value = slot[0]
            if value & PRESENT == 0:
                new_table = frames.allocate()
                if new_table.value == NO_FRAME:
                    return NO_MEMORY
                # Zeroed before it is linked in, so the CPU never sees
                # the frame's old contents as entries.
                entries = self.table(new_table.value)
                for index in range(ENTRIES):
                    entries[index] = u64(0)
                value = new_table.value | table_flags
                slot[0] = value
            elif value & HUGE != 0:
                return HUGE_PAGE_IN_THE_WAY
            elif value & table_flags != table_flags:
                # A user page below a kernel-only table: open the way.
                value |= table_flags
                slot[0] = value
            table = entry_address(value)
            level -= 1
        slot = self.table_of(page, u64(1), table) + page.page_index(u64(1))
        if slot[0] & PRESENT != 0:
            return ALREADY_MAPPED
        slot[0] = frame.value | self.supported(flags) | PRESENT
        return MAPPED

    def unmap(self, page: VirtAddr) -> PhysAddr:
        """Remove the 4 KiB mapping of ``page``; the frame it had, or NOT_MAPPED.

        The frame is not freed (the caller owns it) and empty tables stay.
        The caller must flush ``page`` from the TLB.
        """
        slot = self.entry(page, u64(1))
        if slot.addr == 0 or slot[0] & PRESENT == 0:
            return PhysAddr(NOT_MAPPED)
        frame = entry_address(slot[0])
        slot[0] = u64(0)
        return PhysAddr(frame)

    def set_flags(self, page: VirtAddr, flags: u64) -> bool:
        """Replace the flags of ``page``'s 4 KiB mapping; False if it is not mapped.

        The caller must flush ``page`` from the TLB.  Tables above a page
        made USER become USER too; they are never narrowed, since other
        pages below them may need the access.
        """
        if flags & HUGE != 0 or flags & ADDRESS_MASK != 0:
            panic(f"set_flags: flags {flags:#x} may not hold HUGE or address bits")
        slot = self.entry(page, u64(1))
        if slot.addr == 0 or slot[0] & PRESENT == 0:
            return False
        slot[0] = entry_address(slot[0]) | self.supported(flags) | PRESENT
        if flags & USER != 0:
            # As in ``map``: a user page needs USER on every table above it.
            for level in range(u64(2), u64(5)):
                self.entry(page, u64(level))[0] |= USER
        return True

    def flags(self, page: VirtAddr) -> u64:
        """The flags of ``page``'s 4 KiB mapping (0 when it is not mapped)."""
        slot = self.entry(page, u64(1))
        if slot.addr == 0:
            return u64(0)
        return slot[0] & ~ADDRESS_MASK

    def map_recursive(self) -> None:
        """Point PML4 entry ``RECURSIVE_INDEX`` at the PML4 itself.

        Whatever slot 511 held (the kernel's PDPT) is folded in: its
        entry 510 moves to PML4 entry ``KERNEL_SLOT``, where the walk
        through the recursive entry finds it, so every address in the top
        2 GiB translates as before.  Other entries of that PDPT are lost
        and must be empty.
        """
        root = self.table(self.root.value)
        old = root[RECURSIVE_INDEX]
        if old & PRESENT != 0 and entry_address(old) != self.root.value:
            if old & HUGE != 0:
                panic("map_recursive: a 512 GiB slot cannot be a huge page")
            pdpt = self.table(entry_address(old))
            for index in range(ENTRIES):
                if index != KERNEL_SLOT and pdpt[index] & PRESENT != 0:
                    panic(f"map_recursive: PDPT entry {index} of slot 511 is in use")
            if root[KERNEL_SLOT] & PRESENT != 0:
                panic("map_recursive: PML4 slot 510 is in use")
            root[KERNEL_SLOT] = pdpt[KERNEL_SLOT]
        root[RECURSIVE_INDEX] = self.root.value | PRESENT | WRITABLE


def recursive_table(page: VirtAddr, level: u64) -> VirtAddr:
    """The virtual address, through the recursive entry, of the table of
    ``level`` (4 = PML4 .. 1 = PT) that maps ``page`` (see the module docstring)."""
    r = RECURSIVE_INDEX
    l4 = page.page_index(u64(4))
    l3 = page.page_index(u64(3))
    l2 = page.page_index(u64(2))
    if level == 4:
        return virt_from_indexes(r, r, r, r, u64(0))
    if level == 3:
        return virt_from_indexes(r, r, r, l4, u64(0))
    if level == 2:
        return virt_from_indexes(r, r, l4, l3, u64(0))
    return virt_from_indexes(r, l4, l3, l2, u64(0))


def recursive_entry(page: VirtAddr, level: u64) -> VirtAddr:
    """The virtual address, through the recursive entry, of ``page``'s entry at ``level``."""
    return recursive_table(page, level).offset(page.page_index(level) * 8)

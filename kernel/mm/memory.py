"""Memory at boot: the frame allocator, the physical-memory window, the tables.

``init`` runs once, right after the memory map has been read (kmain):

1. Find the top of RAM and the ranges already taken: the first MiB, the
   kernel image, the Multiboot information, its memory map and strings,
   the initial ramdisk, and the frame allocator's own storage (the bitmap, placed in free RAM
   below 1 GiB just above all of those).
2. Give the allocator the usable RAM below 1 GiB, minus those ranges
   (the free-list allocator writes into every free frame, so reserved
   frames are never handed to it at all).  Until step 3 the boot window
   (physical 0-1 GiB at ``KERNEL_VMA``) is the only way to reach them.
3. Map all of physical memory at ``PHYS_OFFSET`` (writable, no-execute),
   in the boot stub's PML4, with tables taken from those frames: a whole
   GiB of RAM above the first with one 1 GiB page when the CPU has them,
   everything else with 2 MiB pages.  From then on the allocator and
   ``tables`` reach physical memory through that window.
4. Give the allocator the usable RAM above 1 GiB.

Before any of that it reads whether EFER.NXE is on (``nx_enabled``) and
whether the CPU has 1 GiB pages (``gib_pages``).  Without NXE the CPU has
no no-execute bit, and bit 63 of an entry is reserved: every entry this module or ``tables`` writes drops
``NO_EXECUTE`` then (``PageTables.supported``), and the boot log says
that data pages stay executable.

The addresses are in docs/memory-map.md.  ``map_new`` maps fresh frames
at a virtual range; the kernel heap (``kernel.mm.heap``) grows with it.
"""

from typing import Final

import kernel.arch.x86_64.cpu as cpu
import kernel.arch.x86_64.gdt as gdt
import kernel.arch.x86_64.layout as layout
import kernel.arch.x86_64.mmu as mmu
import kernel.arch.x86_64.sections as sections
import kernel.multiboot as multiboot
from kernel.arch.x86_64.layout import PhysWindow
from kernel.mm.addr import PAGE_SIZE, PhysAddr, VirtAddr
from kernel.mm.frame_allocator import FRAME_ALLOCATOR_NAME, FrameAllocator
from kernel.mm.frames import NO_FRAME
from kernel.mm.paging import (
    ALREADY_MAPPED,
    ENTRIES,
    HUGE,
    MAPPED,
    NO_EXECUTE,
    PRESENT,
    WRITABLE,
    PageTables,
    entry_address,
)
from kernel.multiboot import BootInfo, MemoryRegion
from pythos.lang import Array, panic, u8, u32, u64

# Virtual address of physical address 0 in the offset mapping (PML4 entry 256).
PHYS_OFFSET: Final = u64(0xFFFF800000000000)
# The window has PML4 entries 256-287 (the heap starts at 288): 16 TiB.
# RAM above this is left unused, and the boot log says how much.
MAX_PHYSICAL: Final = u64(16 << 40)
HUGE_PAGE: Final = u64(2 << 20)
GIB_PAGE: Final = u64(1 << 30)
FIRST_MIB: Final = u64(1 << 20)
MAX_RESERVED: Final = 10
# The IST stacks (double fault, NMI, machine check) after ``move_ist_stacks``:
# slot k (0-2) is ``IST_STACKS + k * IST_SLOT``, a guard page that is never
# mapped, then ``gdt.IST_STACK_SIZE`` bytes of stack (PML4 entry 352).
IST_STACKS: Final = u64(0xFFFFB00000000000)
IST_SLOT: Final = u64(64 << 10)

frames = FrameAllocator()
tables = PageTables()
# The offset mapping of all physical memory, once ``init`` has made it.
phys_window = PhysWindow()
ram_top: u64 = u64(0)
usable_ram: u64 = u64(0)
reserved_starts = Array[u64, 10]()
reserved_ends = Array[u64, 10]()
reserved_count: u64 = u64(0)
# Whether EFER.NXE is on, read once by ``init``: whether NO_EXECUTE is honoured.
nx_enabled: bool = False
# Whether the window may use 1 GiB pages (CPUID), read once by ``init``.
gib_pages: bool = False
# How the window was mapped: pages of each size, and the table frames taken.
window_gib_pages: u64 = u64(0)
window_huge_pages: u64 = u64(0)
window_table_frames: u64 = u64(0)


def kernel_phys_start() -> u64:
    """The physical address of the first byte of the kernel image."""
    return sections.kernel_start() - layout.KERNEL_VMA


def kernel_phys_end() -> u64:
    """The physical address just past the kernel image (bss and stack included)."""
    return sections.kernel_end() - layout.KERNEL_VMA


def reserve(start: u64, end: u64) -> None:
    """Keep the frames touching ``[start, end)`` away from the allocator."""
    global reserved_count
    if start >= end:
        return
    if reserved_count == MAX_RESERVED:
        panic("memory: too many reserved ranges")
    reserved_starts[reserved_count] = start & ~(PAGE_SIZE - 1)
    reserved_ends[reserved_count] = (end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)
    reserved_count += 1


def reserved_end_at(address: u64) -> u64:
    """The end of the reserved range holding ``address``, or 0 if none does."""
    for i in range(reserved_count):
        if reserved_starts[i] <= address < reserved_ends[i]:
            return reserved_ends[i]
    return u64(0)


def next_reserved(address: u64, limit: u64) -> u64:
    """The first reserved start in ``(address, limit)``, or ``limit``."""
    result = limit
    for i in range(reserved_count):
        if address < reserved_starts[i] < result:
            result = reserved_starts[i]
    return result


def span_of(data_addr: u64, length: u64) -> u64:
    """The physical address of a boot-window span (0 when it is empty)."""
    if length == 0 or data_addr < layout.KERNEL_VMA:
        return u64(0)
    return data_addr - layout.KERNEL_VMA


def add_usable(start: u64, end: u64) -> None:
    """Give the allocator ``[start, end)`` minus every reserved range."""
    cursor = start
    while cursor < end:
        skip = reserved_end_at(cursor)
        if skip != 0:
            cursor = skip
            continue
        stop = next_reserved(cursor, end)
        frames.add_region(PhysAddr(cursor), PhysAddr(stop))
        cursor = stop


def add_regions(regions: Array[MemoryRegion, 32], count: u32, low: u64, high: u64) -> None:
    """Give the allocator the available RAM of the map inside ``[low, high)``."""
    for i in range(count):
        region = regions[i]
        if region.kind != multiboot.REGION_AVAILABLE:
            continue
        start = region.base
        end = region.base + region.length
        if start < low:
            start = low
        if end > high:
            end = high
        if start < end:
            add_usable(start, end)


def place_storage(regions: Array[MemoryRegion, 32], count: u32, size: u64) -> u64:
    """A physical, page-aligned home for ``size`` bytes of allocator storage.

    It is in available RAM below 1 GiB and clear of every reserved range.
    """
    for i in range(count):
        region = regions[i]
        if region.kind != multiboot.REGION_AVAILABLE:
            continue
        end = region.base + region.length
        if end > layout.BOOT_WINDOW_SIZE:
            end = layout.BOOT_WINDOW_SIZE
        candidate = (region.base + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)
        while candidate + size <= end:
            clash = u64(0)
            for j in range(reserved_count):
                if reserved_starts[j] < candidate + size and candidate < reserved_ends[j]:
                    clash = reserved_ends[j]
            if clash == 0:
                return candidate
            candidate = clash
    panic(f"memory: no room below 1 GiB for {size} bytes of frame allocator storage")


def child_table(parent: u64, index: u64) -> u64:
    """The table that entry ``index`` of table ``parent`` points at, made if missing."""
    slot = tables.table(parent) + index
    value = slot[0]
    if value & PRESENT != 0:
        if value & HUGE != 0:
            panic(f"memory: a huge page is in the way of the offset mapping at {parent:#x}")
        return entry_address(value)
    table = new_table()
    slot[0] = table | PRESENT | WRITABLE
    return table


def is_available(regions: Array[MemoryRegion, 32], count: u32, start: u64, end: u64) -> bool:
    """Whether ``[start, end)`` lies inside one available region of the map."""
    for i in range(count):
        region = regions[i]
        if region.kind == multiboot.REGION_AVAILABLE and region.base <= start \
                and end <= region.base + region.length:
            return True
    return False


def ram_above(regions: Array[MemoryRegion, 32], count: u32, limit: u64) -> u64:
    """Bytes of available RAM at or above physical ``limit``."""
    total = u64(0)
    for i in range(count):
        region = regions[i]
        end = region.base + region.length
        if region.kind == multiboot.REGION_AVAILABLE and end > limit:
            total += end - (region.base if region.base > limit else limit)
    return total


def gib_page_fits(regions: Array[MemoryRegion, 32], count: u32, phys: u64, size: u64) -> bool:
    """Whether the window may map ``[phys, phys + 1 GiB)`` with one 1 GiB page.

    The CPU must have them; the GiB must be RAM, all of it in one
    available region (so one memory type: a page that straddles RAM and
    device memory with different MTRR types is undefined behaviour); and
    it must lie above the boot window's GiB, whose 2 MiB pages
    ``protect_kernel_alias`` splits.
    """
    return gib_pages and phys >= layout.BOOT_WINDOW_SIZE and phys & (GIB_PAGE - 1) == 0 \
        and phys + GIB_PAGE <= size and is_available(regions, count, phys, phys + GIB_PAGE)


def map_physical(regions: Array[MemoryRegion, 32], count: u32, size: u64) -> None:
    """Map physical ``[0, size)`` at ``PHYS_OFFSET`` with 1 GiB and 2 MiB pages."""
    global window_gib_pages, window_huge_pages, window_table_frames
    flags = HUGE | tables.supported(PRESENT | WRITABLE | NO_EXECUTE)
    free_before = frames.free_frames()
    phys = u64(0)
    while phys < size:
        page = VirtAddr(PHYS_OFFSET + phys)
        pdpt = child_table(tables.root.value, page.page_index(u64(4)))
        if gib_page_fits(regions, count, phys, size):
            tables.table(pdpt)[page.page_index(u64(3))] = phys | flags
            window_gib_pages += 1
            phys += GIB_PAGE
            continue
        pd = child_table(pdpt, page.page_index(u64(3)))
        tables.table(pd)[page.page_index(u64(2))] = phys | flags
        window_huge_pages += 1
        phys += HUGE_PAGE
    window_table_frames = free_before - frames.free_frames()


def init(regions: Array[MemoryRegion, 32], count: u32, info: PhysAddr, boot: BootInfo) -> None:
    """Build the frame allocator and the physical-memory window (see above)."""
    global ram_top, usable_ram
    if count == 0:
        panic("memory: the boot loader gave no memory map")
    read_mmu_features()
    top = u64(0)
    for i in range(count):
        region = regions[i]
        if region.kind == multiboot.REGION_AVAILABLE and region.base + region.length > top:
            top = region.base + region.length
    if top > MAX_PHYSICAL:
        top = MAX_PHYSICAL
        unused = ram_above(regions, count, MAX_PHYSICAL)
        print(f"memory: {unused >> 30} GiB of RAM above {MAX_PHYSICAL >> 40} TiB left unused "
              "(beyond the physical-memory window)")
    top = top & ~(PAGE_SIZE - 1)
    ram_top = top
    usable_ram = multiboot.usable_bytes(regions, count)

    reserve(u64(0), FIRST_MIB)
    reserve(kernel_phys_start(), kernel_phys_end())
    reserve(info.value, info.value + 128)  # the Multiboot information structure
    if boot.has(multiboot.FLAG_MEMORY_MAP):
        reserve(boot.mmap.value, boot.mmap.value + u64(boot.mmap_length))
    cmdline = span_of(boot.cmdline.data.addr, boot.cmdline.length)
    if cmdline != 0:
        reserve(cmdline, cmdline + boot.cmdline.length + 1)
    loader = span_of(boot.loader_name.data.addr, boot.loader_name.length)
    if loader != 0:
        reserve(loader, loader + boot.loader_name.length + 1)
    reserve(boot.initrd_start, boot.initrd_end)  # the initial ramdisk (empty if none)

    storage_size = frames.storage_needed(PhysAddr(u64(0)), PhysAddr(top))
    storage = u64(0)
    if storage_size > 0:
        storage = place_storage(regions, count, storage_size)
        reserve(storage, storage + storage_size)
    boot_window = layout.boot_window()
    frames.init(boot_window, PhysAddr(u64(0)), PhysAddr(top),
                VirtAddr(layout.KERNEL_VMA + storage), storage_size)
    add_regions(regions, count, u64(0), layout.BOOT_WINDOW_SIZE)

    tables.window = boot_window
    tables.root = PhysAddr(mmu.current_root())
    window_size = (top + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1)
    map_physical(regions, count, window_size)
    phys_window.base = PHYS_OFFSET
    phys_window.size = window_size
    tables.window = phys_window
    frames.window = phys_window
    add_regions(regions, count, layout.BOOT_WINDOW_SIZE, top)
    remap_kernel()
    move_ist_stacks()
    protect_kernel_alias()
    print(f"memory: {usable_ram >> 20} MiB usable RAM, {frames.free_frames() >> 8} MiB free "
          f"after boot; frame allocator: {FRAME_ALLOCATOR_NAME}")
    print(f"memory: window of {window_size >> 20} MiB: {window_gib_pages} pages of 1 GiB, "
          f"{window_huge_pages} of 2 MiB, {window_table_frames} table frames")


def read_mmu_features() -> None:
    """Learn whether the MMU honours NO_EXECUTE and takes 1 GiB pages; say
    so when NO_EXECUTE is not honoured (W^X is weaker then)."""
    global nx_enabled, gib_pages
    gib_pages = cpu.has_gib_pages()
    nx_enabled = cpu.no_execute_enabled()
    if nx_enabled:
        tables.unsupported_flags = u64(0)
        return
    tables.unsupported_flags = NO_EXECUTE
    # Code is still read-only, but nothing stops a jump into data.
    print("memory: this CPU has no NX bit: data pages stay executable (W^X is weaker)")


def new_table() -> u64:
    """A zeroed page-table frame."""
    frame = frames.allocate()
    if frame.value == NO_FRAME:
        panic("memory: out of frames for the kernel's page tables")
    entries = tables.table(frame.value)
    for i in range(ENTRIES):
        entries[i] = u64(0)
    return frame.value


def kernel_page_flags(virt: u64) -> u64:
    """The entry flags of the boot-window page at ``virt`` (0: not mapped).

    Code is read+execute, read-only data read-only, data and bss
    writable; everything but code is no-execute, and the stack guard is
    not mapped at all.
    """
    if sections.text_start() <= virt < sections.text_end():
        return PRESENT
    if sections.rodata_start() <= virt < sections.rodata_end():
        return PRESENT | NO_EXECUTE
    guard = sections.stack_guard()
    if guard <= virt < guard + PAGE_SIZE:
        return u64(0)
    return PRESENT | WRITABLE | NO_EXECUTE


def image_table(first: u64, alias: bool) -> u64:
    """A new page table mapping the 2 MiB of physical memory at ``first``
    with 4 KiB pages and the kernel's per-section permissions.

    For the kernel's own mapping (``alias`` False) the stack guard is left
    unmapped.  For the physical-memory window's (``alias`` True) nothing
    is executable, and the guard's frame, which holds nothing, is mapped
    like any other.
    """
    pt = new_table()
    entries = tables.table(pt)
    for i in range(ENTRIES):
        page = first + i * PAGE_SIZE
        flags = kernel_page_flags(layout.KERNEL_VMA + page)
        if alias:
            flags = PRESENT | WRITABLE | NO_EXECUTE if flags == 0 else flags | NO_EXECUTE
        if flags != 0:
            entries[i] = page | tables.supported(flags)
    return pt


def remap_kernel() -> None:
    """Switch to new tables that map the kernel's sections with their permissions.

    The boot window (physical 0-1 GiB at ``KERNEL_VMA``) is mapped again:
    the 2 MiB pages holding the kernel image with 4 KiB pages and
    per-section flags, the rest with 2 MiB writable no-execute pages.
    The identity map of the boot code (PML4 entry 0) is left out, so the
    lowest 512 GiB are unmapped and a null pointer faults; the other
    entries (the physical-memory window) are shared with the boot tables.
    The new PML4's entry 511 is the recursive entry, and from here on
    ``tables`` reaches the page tables through it.
    """
    old_root = tables.root.value
    root = new_table()
    old = tables.table(old_root)
    new = tables.table(root)
    for i in range(u64(1), ENTRIES):
        new[i] = old[i]
    kernel_vma = VirtAddr(layout.KERNEL_VMA)
    pdpt = new_table()
    new[kernel_vma.page_index(u64(4))] = pdpt | PRESENT | WRITABLE
    pd = new_table()
    tables.table(pdpt)[kernel_vma.page_index(u64(3))] = pd | PRESENT | WRITABLE
    image_end = kernel_phys_end()
    phys = u64(0)
    while phys < layout.BOOT_WINDOW_SIZE:
        slot = tables.table(pd) + VirtAddr(layout.KERNEL_VMA + phys).page_index(u64(2))
        if phys < image_end:
            slot[0] = image_table(phys, False) | PRESENT | WRITABLE
        else:
            slot[0] = phys | HUGE | tables.supported(PRESENT | WRITABLE | NO_EXECUTE)
        phys += HUGE_PAGE
    # Fold the kernel's PDPT into the PML4 (paging.py explains how the
    # kernel and the recursive entry share slot 511); it is then unused.
    PageTables(tables.window, PhysAddr(root), False).map_recursive()
    frames.free(PhysAddr(pdpt))
    tables.root = PhysAddr(root)
    mmu.switch_to(root)
    tables.recursive = True


def protect_kernel_alias() -> None:
    """Make the kernel image read-only where the physical-memory window shows it too.

    The window maps all RAM writable, the kernel's own frames included, so
    a stray write through ``phys_to_virt`` could change kernel code that
    its own mapping protects.  The 2 MiB window pages holding the image
    are split into 4 KiB pages that give code and read-only data the same
    protection as at ``KERNEL_VMA`` (never executable: the window never
    is).
    """
    first = kernel_phys_start() & ~(HUGE_PAGE - 1)
    phys = first
    while phys < kernel_phys_end():
        window_page = VirtAddr(PHYS_OFFSET + phys)
        slot = tables.entry(window_page, u64(2))
        if slot.addr == 0 or slot[0] & HUGE == 0:
            panic(f"memory: the window page at {window_page.value:#x} is not a 2 MiB page")
        slot[0] = image_table(phys, True) | PRESENT | WRITABLE
        phys += HUGE_PAGE
    mmu.flush_all()


def move_ist_stacks() -> None:
    """Give each IST stack fresh pages with an unmapped guard page below them.

    The boot-time IST stacks are ``.bss`` arrays with no guard; from here
    on an IST stack overflow page-faults instead of corrupting ``.bss``.
    """
    for k in range(u64(3)):
        bottom = IST_STACKS + k * IST_SLOT + PAGE_SIZE
        if not map_new(bottom, gdt.IST_STACK_SIZE, WRITABLE | NO_EXECUTE):
            panic("memory: no frames for the IST stacks")
        gdt.set_ist_stack(u8(k + 1), gdt.stack_top(bottom, gdt.IST_STACK_SIZE))


def map_new(start: u64, size: u64, flags: u64) -> bool:
    """Map fresh frames at the pages of ``[start, start + size)`` with ``flags``.

    False when the frames run out (pages mapped so far stay mapped).
    Pages already mapped (by an attempt that ran out of frames) are kept.
    """
    page = start & ~(PAGE_SIZE - 1)
    while page < start + size:
        frame = frames.allocate()
        if frame.value == NO_FRAME:
            return False
        result = tables.map(VirtAddr(page), frame, flags, frames)
        if result == ALREADY_MAPPED:
            frames.free(frame)  # left by an earlier attempt that ran out of frames
        elif result != MAPPED:
            panic(f"memory: mapping {page:#x} failed ({result})")
        page += PAGE_SIZE
    return True


def phys_to_virt(phys: PhysAddr) -> u64:
    """Where physical ``phys`` is in the offset mapping (any RAM, once ``init`` ran)."""
    if not phys_window.contains(phys, u64(1)):
        panic(f"physical address {phys.value:#x} is outside the physical memory window")
    return PHYS_OFFSET + phys.value

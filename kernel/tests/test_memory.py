"""In-kernel tests of memory: the frame allocator, the page tables and the
kernel heap, on the real (emulated) machine after ``kmain`` set them up.

The heap tests run against whichever design the kernel was built with
(``pythos test memory --heap=...``).  The bump design is expected to fail
the long-lived-among-short-ones test (see docs/memory.md): that test
checks that it does (its heap must grow), as ``REUSES_MEMORY`` says.
"""

from typing import Final

import kernel.arch.x86_64.cpu as cpu
import kernel.arch.x86_64.gdt as gdt
import kernel.arch.x86_64.mmu as mmu
import kernel.arch.x86_64.sections as sections
import kernel.mm.heap as heap
import kernel.mm.memory as memory
import kernel.tests.pattern as pattern
import kernel.testskip as testskip
from kernel.mm.addr import PAGE_SIZE, PhysAddr, VirtAddr
from kernel.mm.frames import NO_FRAME
from kernel.mm.heap_allocator import REUSES_MEMORY
from kernel.mm.paging import (
    KERNEL_SLOT,
    MAPPED,
    NO_EXECUTE,
    NOT_MAPPED,
    PRESENT,
    RECURSIVE_INDEX,
    RESERVED_BY_RECURSION,
    WRITABLE,
    PageTables,
    entry_address,
    recursive_entry,
    recursive_table,
)
from kernel.xorshift import xorshift64
from pythos.lang import Array, Ptr, addr_of, asm, should_panic, u8, u64

# A virtual page nobody else uses (PML4 entry 320), for the paging tests.
TEST_PAGE: Final = u64(0xFFFFA00000000000)
SLOTS: Final = 64
MANY: Final = 2048

addresses = Array[u64, 2048]()
slot_addr = Array[u64, 64]()
slot_size = Array[u64, 64]()
slot_align = Array[u64, 64]()
rng_state: u64 = u64(0x2545F4914F6CDD1D)


def random() -> u64:
    """The next number of this module's xorshift64 sequence."""
    global rng_state
    rng_state = xorshift64(rng_state)
    return rng_state


# --- frames -----------------------------------------------------------------

def test_usable_ram_was_found() -> None:
    assert memory.usable_ram > (16 << 20)
    assert memory.frames.free_frames() > 0
    assert memory.frames.managed_frames() * PAGE_SIZE <= memory.usable_ram


def test_frames_are_allocated_and_freed() -> None:
    before = memory.frames.free_frames()
    a = memory.frames.allocate()
    b = memory.frames.allocate()
    assert a.value != NO_FRAME and b.value != NO_FRAME and a.value != b.value
    assert a.value >= (1 << 20) and b.value >= (1 << 20)
    assert memory.frames.free_frames() == before - 2
    # Every frame is reachable through the physical-memory window.
    Ptr[u64](memory.phys_to_virt(a))[511] = u64(0xABCD)
    assert Ptr[u64](memory.phys_to_virt(a))[511] == 0xABCD
    memory.frames.free(a)
    memory.frames.free(b)
    assert memory.frames.free_frames() == before


@should_panic("double free of frame")
def test_double_free_of_a_frame_panics() -> None:
    a = memory.frames.allocate()
    memory.frames.free(a)
    memory.frames.free(a)


def test_kernel_image_frames_are_not_free() -> None:
    start = memory.kernel_phys_start()
    assert not memory.frames.is_free(PhysAddr(start))
    assert not memory.frames.is_free(PhysAddr(memory.kernel_phys_end() - PAGE_SIZE))
    assert not memory.frames.is_free(PhysAddr(u64(0x1000)))


# --- paging -----------------------------------------------------------------

def map_test_page(flags: u64) -> PhysAddr:
    frame = memory.frames.allocate()
    assert frame.value != NO_FRAME
    result = memory.tables.map(VirtAddr(TEST_PAGE), frame, flags, memory.frames)
    assert result == MAPPED
    return frame


def unmap_test_page() -> None:
    frame = memory.tables.unmap(VirtAddr(TEST_PAGE))
    mmu.flush_page(TEST_PAGE)
    if frame.value != NOT_MAPPED:
        memory.frames.free(frame)


def test_the_no_execute_flag_matches_the_cpu() -> None:
    assert memory.nx_enabled == cpu.no_execute_enabled()
    frame = map_test_page(WRITABLE | NO_EXECUTE)
    entry = window_tables().entry(VirtAddr(TEST_PAGE), u64(1))[0]
    assert (entry & NO_EXECUTE != 0) == memory.nx_enabled
    Ptr[u64](TEST_PAGE)[0] = u64(9)  # a reserved bit would fault here
    assert Ptr[u64](memory.phys_to_virt(frame))[0] == 9
    unmap_test_page()


def test_map_write_translate_unmap() -> None:
    frame = map_test_page(WRITABLE | NO_EXECUTE)
    page = Ptr[u64](TEST_PAGE)
    page[3] = u64(0x1122334455667788)
    # The same bytes through the offset mapping of the frame.
    assert Ptr[u64](memory.phys_to_virt(frame))[3] == 0x1122334455667788
    assert memory.tables.translate(VirtAddr(TEST_PAGE + 24)).value == frame.value + 24
    # The boot window and the offset mapping translate too.
    kernel_at = memory.tables.translate(VirtAddr(memory.phys_to_virt(frame)))
    assert kernel_at.value == frame.value
    assert memory.tables.unmap(VirtAddr(TEST_PAGE)).value == frame.value
    mmu.flush_page(TEST_PAGE)
    assert memory.tables.translate(VirtAddr(TEST_PAGE)).value == NOT_MAPPED
    memory.frames.free(frame)


def test_set_flags_changes_permissions() -> None:
    map_test_page(NO_EXECUTE)
    assert memory.tables.flags(VirtAddr(TEST_PAGE)) & WRITABLE == 0
    assert memory.tables.set_flags(VirtAddr(TEST_PAGE), WRITABLE | NO_EXECUTE)
    mmu.flush_page(TEST_PAGE)
    Ptr[u64](TEST_PAGE)[0] = u64(5)
    assert Ptr[u64](TEST_PAGE)[0] == 5
    unmap_test_page()


@should_panic("page fault")
def test_writing_a_read_only_page_faults() -> None:
    map_test_page(NO_EXECUTE)
    assert Ptr[u64](TEST_PAGE)[0] == Ptr[u64](TEST_PAGE)[0]  # reading is fine
    Ptr[u64](TEST_PAGE)[0] = u64(1)


NO_NX: Final = "this CPU has no NX bit: every mapped page is executable"


@should_panic("page fault")
def test_executing_a_no_execute_page_faults() -> None:
    if not memory.nx_enabled:
        testskip.skip(NO_NX)
    map_test_page(WRITABLE | NO_EXECUTE)
    Ptr[u8](TEST_PAGE)[0] = u8(0xC3)  # ret
    asm("callq *$0", "r,~{memory}", TEST_PAGE)


def test_executing_an_executable_page_works() -> None:
    map_test_page(WRITABLE)
    Ptr[u8](TEST_PAGE)[0] = u8(0xC3)  # ret
    asm("callq *$0", "r,~{memory}", TEST_PAGE)
    unmap_test_page()


@should_panic("page fault")
def test_reading_an_unmapped_page_faults() -> None:
    map_test_page(WRITABLE | NO_EXECUTE)
    unmap_test_page()
    assert Ptr[u64](TEST_PAGE)[0] == 0


# --- two ways to the tables: the recursive entry and the offset mapping -----

def window_tables() -> PageTables:
    """The kernel's tables, reached by frame through the offset mapping."""
    return PageTables(memory.phys_window, memory.tables.root, False,
                      memory.tables.unsupported_flags)


def test_the_kernel_uses_the_recursive_entry() -> None:
    assert memory.tables.recursive
    root = window_tables().table(memory.tables.root.value)
    assert entry_address(root[RECURSIVE_INDEX]) == memory.tables.root.value
    # The PML4 read at its recursive address is the same table.
    through_recursion = Ptr[u64](recursive_table(VirtAddr(u64(0)), u64(4)).value)
    for i in range(u64(512)):
        assert through_recursion[i] == root[i]


def test_both_ways_translate_alike() -> None:
    window = window_tables()
    heap_page = VirtAddr(heap.HEAP_START)
    places = Array[u64, 6]()
    places[0] = sections.text_start()          # 4 KiB page under PML4 slot 511
    places[1] = sections.kernel_end() + (4 << 20)  # a 2 MiB page of the boot window
    places[2] = heap_page.value
    places[3] = memory.PHYS_OFFSET + (3 << 20)  # a 2 MiB page of the offset mapping
    places[4] = gdt.ist_stack(u8(1)) - 8
    places[5] = u64(0x1000)                      # the old identity map: gone
    for i in range(u64(6)):
        v = VirtAddr(places[i] + 0x123)
        assert memory.tables.translate(v).value == window.translate(v).value
    assert window.translate(VirtAddr(sections.text_start())).value == memory.kernel_phys_start() + \
        (sections.text_start() - sections.kernel_start())
    # The PT entry of a heap page, read at its recursive address, is the
    # entry the walk through the window finds.
    slot = window.entry(heap_page, u64(1))
    assert Ptr[u64](recursive_entry(heap_page, u64(1)).value)[0] == slot[0]


def test_map_one_way_unmap_the_other() -> None:
    window = window_tables()
    frame = memory.frames.allocate()
    assert window.map(VirtAddr(TEST_PAGE), frame, WRITABLE | NO_EXECUTE, memory.frames) == MAPPED
    Ptr[u64](TEST_PAGE)[7] = u64(0xFEED)
    assert memory.tables.translate(VirtAddr(TEST_PAGE)).value == frame.value
    assert memory.tables.unmap(VirtAddr(TEST_PAGE)).value == frame.value
    mmu.flush_page(TEST_PAGE)
    assert window.translate(VirtAddr(TEST_PAGE)).value == NOT_MAPPED
    # And back: map through the recursive entry, read through the window.
    assert memory.tables.map(VirtAddr(TEST_PAGE), frame, WRITABLE | NO_EXECUTE,
                             memory.frames) == MAPPED
    assert Ptr[u64](TEST_PAGE)[7] == 0xFEED
    assert window.translate(VirtAddr(TEST_PAGE + 8)).value == frame.value + 8
    unmap_test_page()


def test_recursive_slots_are_refused() -> None:
    frame = memory.frames.allocate()
    for slot in range(KERNEL_SLOT, RECURSIVE_INDEX + 1):
        page = VirtAddr(u64(0xFFFF000000000000) | (slot << 39))
        assert memory.tables.map(page, frame, WRITABLE, memory.frames) == RESERVED_BY_RECURSION
    memory.frames.free(frame)


def test_identity_map_is_gone() -> None:
    assert memory.tables.translate(VirtAddr(u64(0))).value == NOT_MAPPED
    assert memory.tables.translate(VirtAddr(memory.kernel_phys_start())).value == NOT_MAPPED
    root = window_tables().table(memory.tables.root.value)
    assert root[0] & PRESENT == 0


@should_panic("null pointer dereference")
def test_null_pointer_faults() -> None:
    assert Ptr[u64](u64(8))[0] == 0


# --- the kernel's own mapping ------------------------------------------------

def test_kernel_sections_have_their_permissions() -> None:
    text = VirtAddr(sections.text_start())
    assert memory.tables.flags(text) & WRITABLE == 0
    assert memory.tables.flags(text) & NO_EXECUTE == 0
    rodata = VirtAddr(sections.rodata_start())
    assert memory.tables.flags(rodata) & WRITABLE == 0
    data = VirtAddr(sections.data_start())
    assert memory.tables.flags(data) & WRITABLE != 0
    # No-execute where the CPU has it; without NX, bit 63 is reserved and
    # must be clear (a set one would make every access fault).
    assert (memory.tables.flags(rodata) & NO_EXECUTE != 0) == memory.nx_enabled
    assert (memory.tables.flags(data) & NO_EXECUTE != 0) == memory.nx_enabled
    guard = VirtAddr(sections.stack_guard())
    assert memory.tables.translate(guard).value == NOT_MAPPED


def test_ist_stacks_have_guard_pages() -> None:
    for ist in range(u8(1), u8(4)):
        top = gdt.ist_stack(u8(ist))
        bottom = top - gdt.IST_STACK_SIZE
        assert memory.IST_STACKS <= bottom < memory.IST_STACKS + 3 * memory.IST_SLOT
        assert memory.tables.translate(VirtAddr(top - 8)).value != NOT_MAPPED
        assert memory.tables.translate(VirtAddr(bottom)).value != NOT_MAPPED
        assert memory.tables.translate(VirtAddr(bottom - 1)).value == NOT_MAPPED


@should_panic("page fault")
def test_writing_kernel_code_faults() -> None:
    Ptr[u8](sections.text_start())[0] = u8(0xCC)


def window_alias(virt: u64) -> VirtAddr:
    """Where the physical-memory window shows the kernel page at ``virt``."""
    return VirtAddr(memory.phys_to_virt(memory.tables.translate(VirtAddr(virt))))


def test_kernel_image_is_read_only_through_the_window() -> None:
    text = window_alias(sections.text_start())
    assert memory.tables.flags(text) & WRITABLE == 0
    assert (memory.tables.flags(text) & NO_EXECUTE != 0) == memory.nx_enabled
    assert memory.tables.flags(window_alias(sections.rodata_start())) & WRITABLE == 0
    data = window_alias(sections.data_start())
    assert memory.tables.flags(data) & WRITABLE != 0
    # The same bytes both ways.
    assert Ptr[u64](text.value)[0] == Ptr[u64](sections.text_start())[0]


@should_panic("page fault")
def test_writing_kernel_code_through_the_window_faults() -> None:
    Ptr[u8](window_alias(sections.text_start()).value)[0] = u8(0xCC)


@should_panic("page fault")
def test_writing_read_only_data_faults() -> None:
    Ptr[u8](sections.rodata_start())[0] = u8(0)


@should_panic("page fault")
def test_executing_kernel_data_faults() -> None:
    if not memory.nx_enabled:
        testskip.skip(NO_NX)
    Ptr[u8](addr_of(addresses).addr)[0] = u8(0xC3)  # ret, in .bss
    asm("callq *$0", "r,~{memory}", addr_of(addresses).addr)


# --- heap -------------------------------------------------------------------

def reuse_expected() -> bool:
    """Whether the heap can reuse what is freed next.  Every design but
    bump can; bump only starts over once nothing at all is live, and at
    test time the object runtime (its runs, module-level globals) may hold
    allocations, so then its heap must grow instead."""
    return REUSES_MEMORY or heap.stats().live_allocations() == 0


def test_short_lived_allocations_reuse_memory() -> None:
    reuses = reuse_expected()
    mapped = heap.mapped_size()
    for i in range(u64(20000)):
        address = heap.alloc(u64(200), u64(8))
        assert address != 0
        pattern.fill(address, u64(200), u64(i))
        assert pattern.intact(address, u64(200), u64(i)), "heap contents changed"
        heap.free(address, u64(200), u64(8))
    if reuses:
        assert heap.mapped_size() == mapped
    else:
        assert heap.mapped_size() > mapped  # bump, with something live


def test_long_lived_allocation_among_short_ones() -> None:
    mapped = heap.mapped_size()
    long_lived = heap.alloc(u64(100), u64(16))
    assert long_lived != 0
    pattern.fill(long_lived, u64(100), u64(77))
    for i in range(u64(20000)):
        address = heap.alloc(u64(512), u64(16))
        assert address != 0
        Ptr[u64](address)[63] = u64(i)
        heap.free(address, u64(512), u64(16))
    assert pattern.intact(long_lived, u64(100), u64(77)), "heap contents changed"
    heap.free(long_lived, u64(100), u64(16))
    if REUSES_MEMORY:
        assert heap.mapped_size() == mapped
    else:
        # The expected failure of the bump design: with one allocation
        # live, nothing freed is reused, so the heap had to grow.
        assert heap.mapped_size() > mapped


BUMP_WITH_LIVE: Final = "a bump heap with allocations live never merges free blocks"


def test_large_allocation_after_many_small_ones() -> None:
    if not reuse_expected():
        testskip.skip(BUMP_WITH_LIVE)
    for i in range(MANY):
        addresses[i] = heap.alloc(u64(24), u64(8))
        assert addresses[i] != 0
    mapped = heap.mapped_size()
    # Free in a scrambled order (1031 is odd, so this visits every index).
    for i in range(MANY):
        j = (i * 1031) % MANY
        heap.free(addresses[j], u64(24), u64(8))
    large = heap.alloc(mapped // 2, u64(16))
    assert large != 0
    assert heap.mapped_size() == mapped, "the heap grew instead of merging free blocks"
    Ptr[u8](large + mapped // 2 - 1)[0] = u8(1)
    heap.free(large, mapped // 2, u64(16))


def test_random_allocations_keep_their_contents() -> None:
    for i in range(u64(SLOTS)):
        slot_addr[i] = u64(0)
    for step in range(6000):
        i = random() % SLOTS
        if slot_addr[i] != 0:
            assert pattern.intact(slot_addr[i], slot_size[i], i + slot_size[i]), "heap contents changed"
            heap.free(slot_addr[i], slot_size[i], slot_align[i])
            slot_addr[i] = u64(0)
        else:
            size = random() % 3000 + 1
            align = u64(1) << (random() % 9)
            address = heap.alloc(size, align)
            assert address != 0
            assert address & (align - 1) == 0, "misaligned heap allocation"
            assert address >= heap.HEAP_START
            assert address + size <= heap.HEAP_START + heap.mapped_size()
            pattern.fill(address, size, i + size)
            slot_addr[i] = address
            slot_size[i] = size
            slot_align[i] = align
    for i in range(u64(SLOTS)):
        if slot_addr[i] != 0:
            assert pattern.intact(slot_addr[i], slot_size[i], i + slot_size[i]), "heap contents changed"
            heap.free(slot_addr[i], slot_size[i], slot_align[i])


def test_heap_grows_on_demand() -> None:
    mapped = heap.mapped_size()
    size = mapped + u64(256 << 10)
    address = heap.alloc(size, u64(4096))
    assert address != 0
    assert heap.mapped_size() > mapped
    Ptr[u8](address)[0] = u8(1)
    Ptr[u8](address + size - 1)[0] = u8(2)
    assert memory.tables.translate(VirtAddr(address + size - 1)).value != NOT_MAPPED
    heap.free(address, size, u64(4096))


def test_heap_statistics_balance() -> None:
    # heap.stats() is a snapshot, so it is fetched again after each call.
    assert heap.stats().heap_size == heap.mapped_size()
    a = heap.alloc(u64(40), u64(8))
    used = heap.stats().bytes_used
    assert used >= 40
    heap.free(a, u64(40), u64(8))
    assert heap.stats().bytes_used == used - 40
    assert heap.stats().peak_used >= used
    assert heap.stats().bytes_free <= heap.stats().heap_size


def test_realloc_keeps_the_contents() -> None:
    a = heap.alloc(u64(24), u64(8))
    pattern.fill(a, u64(24), u64(5))
    # Grow step by step far past any size class: whether it moves or not,
    # the first bytes survive, and the new room is usable.
    size = u64(24)
    while size < 20000:
        new_size = size * 3
        a = heap.realloc(a, size, new_size, u64(8))
        assert a != 0
        assert pattern.intact(a, u64(24), u64(5)), "heap contents changed"
        Ptr[u8](a + new_size - 1)[0] = u8(0xEE)
        size = new_size
    a = heap.realloc(a, size, u64(10), u64(8))
    assert pattern.intact(a, u64(10), u64(5)), "heap contents changed"
    heap.free(a, u64(10), u64(8))


def test_realloc_failure_leaves_the_allocation() -> None:
    a = heap.alloc(u64(64), u64(16))
    pattern.fill(a, u64(64), u64(9))
    assert heap.realloc(a, u64(64), heap.MAX_SIZE * 2, u64(16)) == 0
    assert pattern.intact(a, u64(64), u64(9)), "heap contents changed"
    heap.free(a, u64(64), u64(16))


def test_alloc_zeroed_and_alloc_array() -> None:
    a = heap.alloc(u64(300), u64(8))
    pattern.fill(a, u64(300), u64(1))
    heap.free(a, u64(300), u64(8))
    z = heap.alloc_zeroed(u64(300), u64(8))
    for i in range(u64(300)):
        assert Ptr[u8](z)[i] == 0
    heap.free(z, u64(300), u64(8))
    assert heap.alloc_array(u64(1) << 62, u64(8), u64(8)) == 0, "the size wrapped"
    b = heap.alloc_array(u64(100), u64(12), u64(4))
    assert b != 0
    heap.free(b, u64(1200), u64(4))


@should_panic("kernel heap exhausted")
def test_must_alloc_panics_when_memory_is_out() -> None:
    heap.must_alloc(heap.MAX_SIZE * 2, u64(8))

"""The kernel heap: ``alloc``/``free`` for the rest of the kernel.

The heap lives at ``HEAP_START`` (docs/memory-map.md) and starts with
``INITIAL_SIZE`` bytes mapped.  The design that manages it is chosen at
build time (``kernel.mm.heap_allocator``, ``pythos build --heap=...``).
When an allocation fails, ``alloc`` maps fresh frames right after the
heap (``kernel.mm.memory.map_new``), calls the design's ``grow`` and
tries again, up to ``MAX_SIZE`` bytes in all.

As with every design, ``free`` is told the size and alignment the
allocation was made with.

This module is what later work builds on (docs/memory.md, "What the heap
offers the rest of the kernel"): a growable list needs ``realloc``, a
hash table ``alloc_zeroed``, an array of records ``alloc_array``, and
code that cannot go on without its memory ``must_alloc``.

Python objects in the kernel (``pythos.rt.alloc``, docs/objects.md) take
their runs of memory from here too, through ``pythos_heap_alloc`` and
``pythos_heap_free``: the runtime's kernel platform calls them, so every
object lives on this heap, whichever design it is built with.
"""

from typing import Final

import kernel.mm.memory as memory
from kernel.mm.heap_allocator import HEAP_NAME, KernelHeap
from kernel.mm.heap_api import HeapStats
from kernel.mm.paging import NO_EXECUTE, WRITABLE
from pythos.lang import Ptr, export, i32, panic, u8, u64
from pythos.rt.mem import memcpy, memset

# The heap's fixed virtual address (PML4 entry 288).
HEAP_START: Final = u64(0xFFFF900000000000)
# The most the heap grows to (the buddy design's arena is 16 MiB).
MAX_SIZE: Final = u64(16 << 20)
INITIAL_SIZE: Final = u64(64 << 10)
# The heap grows by at least this much at a time.
GROW_STEP: Final = u64(64 << 10)

kernel_heap = KernelHeap()
heap_end: u64 = u64(0)


def init() -> None:
    """Map the first pages of the heap and hand them to the allocator."""
    global heap_end
    if not memory.map_new(HEAP_START, INITIAL_SIZE, WRITABLE | NO_EXECUTE):
        panic("heap: no frames for the initial kernel heap")
    kernel_heap.init(HEAP_START, INITIAL_SIZE)
    heap_end = HEAP_START + INITIAL_SIZE
    print(f"heap: {HEAP_NAME} allocator at {HEAP_START:#x}, {INITIAL_SIZE >> 10} KiB, "
          f"grows to {MAX_SIZE >> 20} MiB")


def grow(wanted: u64) -> bool:
    """Map at least ``wanted`` more bytes after the heap; False at the limit."""
    global heap_end
    if heap_end == 0:
        panic("the kernel heap is used before it is up: kmain must call heap.init() first")
    extra = (wanted + GROW_STEP - 1) & ~(GROW_STEP - 1)
    if extra < GROW_STEP:
        extra = GROW_STEP
    room = MAX_SIZE - (heap_end - HEAP_START)
    if extra > room:
        extra = room
    if extra == 0:
        return False
    if not memory.map_new(heap_end, extra, WRITABLE | NO_EXECUTE):
        return False
    heap_end += extra
    kernel_heap.grow(extra)
    return True


def alloc(size: u64, align: u64) -> u64:
    """``size`` bytes aligned to ``align`` (a power of two), or 0 when memory is out."""
    while True:
        address = kernel_heap.alloc(size, align)
        if address != 0:
            return address
        if not grow(size + align):
            return u64(0)


def free(address: u64, size: u64, align: u64) -> None:
    """Give back an allocation, with the size and alignment it was made with."""
    kernel_heap.free(address, size, align)


def must_alloc(size: u64, align: u64) -> u64:
    """Like ``alloc``, but panics (naming the request) when memory is out."""
    address = alloc(size, align)
    if address == 0:
        panic(f"kernel heap exhausted: no {size} bytes at alignment {align}")
    return address


def alloc_zeroed(size: u64, align: u64) -> u64:
    """Like ``alloc``, with every byte of the allocation zero."""
    address = alloc(size, align)
    if address != 0:
        memset(Ptr[u8](address), i32(0), size)
    return address


def alloc_array(count: u64, item_size: u64, align: u64) -> u64:
    """Room for ``count`` items of ``item_size`` bytes, or 0, also when
    ``count * item_size`` does not fit in 64 bits (it would wrap to a
    small allocation that the caller then overruns)."""
    if item_size != 0 and count > u64(0xFFFFFFFFFFFFFFFF) // item_size:
        return u64(0)
    return alloc(count * item_size, align)


def realloc(address: u64, old_size: u64, new_size: u64, align: u64) -> u64:
    """Make an allocation ``new_size`` bytes long; its new address, or 0.

    In place when the design can (``resize``); otherwise a new allocation
    gets the first ``min(old_size, new_size)`` bytes and the old one is
    freed.  On 0 (memory is out) the old allocation is untouched and
    still the caller's, as with C's ``realloc``.
    """
    if kernel_heap.resize(address, old_size, new_size, align):
        return address
    moved = alloc(new_size, align)
    if moved == 0:
        return u64(0)
    keep = old_size if old_size < new_size else new_size
    memcpy(Ptr[u8](moved), Ptr[u8](address), keep)
    kernel_heap.free(address, old_size, align)
    return moved


def stats() -> HeapStats:
    """A snapshot of the heap's statistics (see ``kernel.mm.heap_api.HeapStats``).

    A copy, not the live counters: keep it to compare with a later one.
    """
    return kernel_heap.stats.snapshot()


def mapped_size() -> u64:
    """Bytes of virtual memory mapped for the heap so far."""
    return heap_end - HEAP_START


@export("pythos_heap_alloc")
def runtime_alloc(size: u64, align: u64) -> u64:
    """Memory for the object allocator (``pythos.rt.kernel.platform_alloc``), or 0.

    The heap exists only after ``init``; an object allocated before that
    is a bug in the boot order, reported as such rather than a fault.
    """
    if heap_end == 0:
        panic(f"object allocation ({size} bytes) before the kernel heap is up: "
              f"kmain must call heap.init() first")
    return alloc(size, align)


@export("pythos_heap_free")
def runtime_free(address: u64, size: u64, align: u64) -> None:
    """Take back what ``runtime_alloc`` handed out."""
    free(address, size, align)

"""The bump allocator: hand out memory by moving one pointer up.

The heap is split by ``next`` into what has been handed out and what has
not::

    start                     next                          end
    | a |pad| b | c (freed) | d |  never handed out yet     |
    +-----------------------------+-----------------------------+
     allocations, freed or not      bytes_free = end - next

``alloc`` aligns ``next`` up, returns it and moves it past the request:
a handful of instructions, the fastest design there is.  ``free`` only
counts: the memory of one freed allocation cannot be reused, because the
allocator does not remember where the free holes are.  Only when *every*
allocation has been freed does ``next`` go back to ``start``.

So a bump heap suits memory that is freed all at once (one phase of
boot, one request's scratch space) and fails a kernel that keeps a
long-lived allocation while others come and go: ``next`` only climbs,
and the heap runs out although almost nothing is in use.  The tests show
exactly that (the long-lived scenario is an expected failure).
"""

from kernel.mm.addr import align_up
from kernel.mm.heap_api import HeapStats, check_align, request_size
from pythos.lang import panic, struct, u64


@struct
class BumpHeap:
    """Allocations taken in order from ``[start, end)``; ``next`` is the first free byte."""

    start: u64
    end: u64
    next: u64
    live: u64  # allocations not freed yet; at 0 the heap starts over
    stats: HeapStats

    def init(self, heap_start: u64, heap_size: u64) -> None:
        """Manage ``heap_size`` bytes at ``heap_start``.

        Safety: the range must be mapped, writable and used by nothing else.
        """
        self.start = heap_start
        self.end = heap_start + heap_size
        self.next = heap_start
        self.live = u64(0)
        self.stats.reset(heap_size)
        self.update_free()

    def alloc(self, size: u64, align: u64) -> u64:
        """``size`` bytes aligned to ``align`` from the top, or 0 when they do not fit."""
        check_align(align)
        size = request_size(size)
        address = align_up(self.next, align)
        # Compare remaining room rather than ``address + size > end``, which
        # could wrap around the top of the address space.
        if address < self.next or address > self.end or size > self.end - address:
            self.stats.failed_count += 1
            return u64(0)
        self.next = address + size
        self.live += 1
        self.stats.note_alloc(size)
        self.update_free()
        return address

    def free(self, addr: u64, size: u64, align: u64) -> None:
        """Count ``addr`` as freed; the heap restarts when nothing is left."""
        if addr < self.start or addr >= self.next or self.live == 0:
            panic(f"bump heap: freeing {addr:#x}, which it never handed out")
        self.live -= 1
        self.stats.note_free(request_size(size))
        if self.live == 0:
            self.next = self.start
        self.update_free()

    def resize(self, addr: u64, old_size: u64, new_size: u64, align: u64) -> bool:
        """Resize in place: any allocation may shrink, the newest may also grow."""
        if addr < self.start or addr >= self.next or self.live == 0:
            panic(f"bump heap: resizing {addr:#x}, which it never handed out")
        old = request_size(old_size)
        new = request_size(new_size)
        if old <= self.next - addr and addr + old == self.next:
            # The newest allocation: move the top with it.
            if new > self.end - addr:
                return False
            self.next = addr + new
        elif new > old:
            return False
        self.stats.note_resize(old, new)
        self.update_free()
        return True

    def grow(self, extra: u64) -> None:
        """The heap now ends ``extra`` bytes later."""
        self.end += extra
        self.stats.heap_size += extra
        self.update_free()

    def update_free(self) -> None:
        self.stats.bytes_free = self.end - self.next
        self.stats.free_regions = u64(1) if self.end > self.next else u64(0)

"""The kernel heap interface every allocator design implements.

The kernel heap is one range of virtual memory, ``[heap_start, heap_end)``,
that grows at its end: when an allocation fails, the kernel maps more
pages right after the heap and calls ``grow``.  Four designs manage it,
chosen at build time; each is a ``@struct`` with the same methods:

``init(heap_start, heap_size)``
    Take over ``heap_size`` bytes at ``heap_start``, all free.
``alloc(size, align) -> u64``
    The address of ``size`` bytes aligned to ``align`` (a power of two),
    or 0 when the heap cannot satisfy the request.
``free(addr, size, align)``
    Give back an allocation.  The caller passes the same ``size`` and
    ``align`` it allocated with, as Rust's ``GlobalAlloc`` does, so no
    design needs a header in front of each allocation: every byte of an
    allocation is the caller's, and alignment costs no hidden padding.
``resize(addr, old_size, new_size, align) -> bool``
    Make an allocation ``new_size`` bytes long *in place*, if the design
    can without moving it (the same size class or buddy order, free space
    right after it, the newest bump allocation); False otherwise, and the
    allocation is unchanged.  ``kernel.mm.heap.realloc`` moves it then.
``grow(extra)``
    The heap now also covers ``extra`` more bytes at its end.
``stats``
    A ``HeapStats`` kept up to date by every call.

Sizes are in bytes and addresses are plain ``u64`` virtual addresses:
callers turn them into ``Ptr[T]`` of whatever they store.  A size of 0 is
treated as 1, so every allocation has its own address.

The statistics show how well a design uses its memory::

    heap_size = bytes_used + bytes_free + overhead

where ``bytes_used`` is what callers asked for and ``bytes_free`` what
the allocator could still hand out; *overhead* is lost to rounding, to
alignment and to a design's own bookkeeping.  ``free_regions`` counts the
separate pieces ``bytes_free`` is split into: many small regions mean
external fragmentation (plenty free, but no large block), which is what
merging neighbours fights.
"""

from pythos.lang import panic, struct, u64


@struct
class HeapStats:
    """Counters every heap allocator keeps (all in bytes or events)."""

    heap_size: u64  # bytes the allocator manages now (grows with ``grow``)
    bytes_used: u64  # bytes requested by live allocations
    peak_used: u64  # the highest ``bytes_used`` so far
    bytes_free: u64  # bytes in free blocks, ready to be handed out
    free_regions: u64  # separate free blocks ``bytes_free`` is split into
    alloc_count: u64  # successful allocations so far
    free_count: u64  # frees so far
    failed_count: u64  # allocations that returned 0

    def reset(self, heap_size: u64) -> None:
        """Start counting for a fresh heap of ``heap_size`` bytes."""
        self.heap_size = heap_size
        self.bytes_used = u64(0)
        self.peak_used = u64(0)
        self.bytes_free = u64(0)
        self.free_regions = u64(0)
        self.alloc_count = u64(0)
        self.free_count = u64(0)
        self.failed_count = u64(0)

    def note_alloc(self, size: u64) -> None:
        """Count a successful allocation of ``size`` requested bytes."""
        self.bytes_used += size
        self.alloc_count += 1
        if self.bytes_used > self.peak_used:
            self.peak_used = self.bytes_used

    def note_free(self, size: u64) -> None:
        """Count a free of an allocation of ``size`` requested bytes."""
        if size > self.bytes_used:
            panic(f"heap: freeing {size} bytes, but only {self.bytes_used} are allocated")
        self.bytes_used -= size
        self.free_count += 1

    def note_resize(self, old_size: u64, new_size: u64) -> None:
        """Count an allocation of ``old_size`` requested bytes now holding ``new_size``."""
        if old_size > self.bytes_used:
            panic(f"heap: resizing {old_size} bytes, but only {self.bytes_used} are allocated")
        self.bytes_used = self.bytes_used - old_size + new_size
        if self.bytes_used > self.peak_used:
            self.peak_used = self.bytes_used

    def snapshot(self) -> "HeapStats":
        """A copy of the counters as they are now."""
        return HeapStats(self.heap_size, self.bytes_used, self.peak_used, self.bytes_free,
                         self.free_regions, self.alloc_count, self.free_count,
                         self.failed_count)

    def live_allocations(self) -> u64:
        """Allocations not freed yet."""
        return self.alloc_count - self.free_count


def request_size(size: u64) -> u64:
    """The size an allocator serves for a request of ``size`` (0 becomes 1)."""
    if size == 0:
        return u64(1)
    return size


def check_align(align: u64) -> None:
    """Panic unless ``align`` is a power of two."""
    if align == 0 or align & (align - 1) != 0:
        panic(f"heap: alignment {align} is not a power of two")

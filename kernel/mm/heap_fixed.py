"""The fixed-size block allocator: size-class lists in front of a list heap.

Most kernel allocations are small, and a linked-list heap walks its whole
free list for each of them.  This design rounds a small request up to a
power-of-two *size class* (8, 16, 32 ... 2048 bytes) and keeps one list
of free blocks per class, so allocating and freeing a small block is a
list pop or push, O(1)::

    class  block   heads[]
      0      8     --> [8] --> [8] --> 0
      1     16     --> 0                      (empty: refill from fallback)
      2     32     --> [32] --> 0
      ...
      8   2048     --> 0
    larger requests ------------------------> fallback: ListHeap

A free block's first word links to the next block of its class.  A block
of class ``c`` is aligned to its own size, so a request's class is chosen
by ``max(size, align)`` and alignment comes for free.  Requests above
2048 bytes go straight to the fallback ``ListHeap``.  An empty class is
refilled with a chunk of ``REFILL_BYTES`` from the fallback, cut into
blocks, which amortises the fallback's walk over many allocations.

Freed blocks go back to their class list, not to the fallback, so memory
once used for 32-byte blocks stays 32-byte blocks: the design trades
fragmentation for speed.  To keep that from starving a large request,
when the fallback cannot satisfy one, ``reclaim`` returns every cached
block to it, where they merge again, and the request is retried.  Blocks
of the 8-byte class are smaller than the fallback's 16-byte granule, so
they are returned in aligned pairs: the class list is sorted by address
first (a merge sort on the list itself) to find the pairs.

``bytes_free`` counts the cached blocks as free (they are), and
``free_regions`` counts each cached block as a region (it is one).
"""

from typing import Final

from kernel.mm.addr import align_up, log2_floor
from kernel.mm.heap_api import HeapStats, check_align, request_size
from kernel.mm.heap_list import GRANULE, ListHeap
from pythos.lang import Array, Ptr, panic, struct, u64

SIZE_CLASSES: Final = 9
SMALLEST_SHIFT: Final = u64(3)  # class 0 holds 8-byte blocks
LARGEST_BLOCK: Final = u64(2048)
# Not a size class: the request goes to the fallback.
NO_CLASS: Final = u64(9)
# A refill takes at least this much from the fallback at once.
REFILL_BYTES: Final = u64(256)
# The end of a class list.
LIST_END: Final = u64(0)


def next_of(block: u64) -> Ptr[u64]:
    """The link word at the start of a free block.

    Safety: ``block`` must be a cached free block.
    """
    return Ptr[u64](block)


def class_of(size: u64, align: u64) -> u64:
    """The size class for ``size`` bytes at ``align``, or NO_CLASS if too big."""
    need = size if size > align else align
    if need > LARGEST_BLOCK:
        return NO_CLASS
    if need <= 8:
        return u64(0)
    return log2_floor(need - 1) + 1 - SMALLEST_SHIFT


def sorted_by_address(head: u64) -> u64:
    """The list at ``head`` relinked in address order (merge sort, in place)."""
    if head == LIST_END or next_of(head)[0] == LIST_END:
        return head
    # Split after the middle: ``slow`` ends on the last node of the first half.
    slow = head
    fast = next_of(head)[0]
    while fast != LIST_END and next_of(fast)[0] != LIST_END:
        slow = next_of(slow)[0]
        fast = next_of(next_of(fast)[0])[0]
    second = next_of(slow)[0]
    next_of(slow)[0] = LIST_END
    left = sorted_by_address(head)
    right = sorted_by_address(second)
    # Merge, appending to ``tail``; ``first`` is the merged head.
    first = LIST_END
    tail = LIST_END
    while left != LIST_END or right != LIST_END:
        take = left
        if left == LIST_END or (right != LIST_END and right < left):
            take = right
            right = next_of(right)[0]
        else:
            left = next_of(left)[0]
        if tail == LIST_END:
            first = take
        else:
            next_of(tail)[0] = take
        tail = take
    next_of(tail)[0] = LIST_END
    return first


@struct
class FixedHeap:
    """Per-class free lists, backed by a ``ListHeap`` for everything else."""

    fallback: ListHeap
    heads: Array[u64, 9]  # first free block of each class, or LIST_END
    cached: Array[u64, 9]  # blocks on each class list
    cached_bytes: u64
    cached_blocks: u64
    stats: HeapStats

    def init(self, heap_start: u64, heap_size: u64) -> None:
        """Manage ``heap_size`` bytes at ``heap_start``; all of it starts in the fallback.

        Safety: the range must be mapped, writable and used by nothing else.
        """
        self.fallback.init(heap_start, heap_size)
        for index in range(SIZE_CLASSES):
            self.heads[index] = LIST_END
            self.cached[index] = u64(0)
        self.cached_bytes = u64(0)
        self.cached_blocks = u64(0)
        self.stats.reset(self.fallback.stats.heap_size)
        self.update_free()

    def alloc(self, size: u64, align: u64) -> u64:
        """``size`` bytes aligned to ``align``, or 0 when the heap is exhausted."""
        check_align(align)
        size = request_size(size)
        index = class_of(size, align)
        address = u64(0)
        if index == NO_CLASS:
            address = self.fallback.alloc(size, align)
            if address == 0 and self.reclaim():
                address = self.fallback.alloc(size, align)
        else:
            if self.heads[index] == LIST_END:
                self.refill(index)
            address = self.pop(index)
        if address == 0:
            self.stats.failed_count += 1
            return u64(0)
        self.stats.note_alloc(size)
        self.update_free()
        return address

    def free(self, addr: u64, size: u64, align: u64) -> None:
        """Return an allocation to its class list, or to the fallback."""
        size = request_size(size)
        index = class_of(size, align)
        if index == NO_CLASS:
            self.fallback.free(addr, size, align)
        else:
            block = u64(8) << index
            if (addr & (block - 1) != 0 or addr < self.fallback.start
                    or addr >= self.fallback.end):
                panic(f"fixed heap: freeing {addr:#x}, which is not a {block}-byte block")
            self.push(index, addr)
        self.stats.note_free(size)
        self.update_free()

    def resize(self, addr: u64, old_size: u64, new_size: u64, align: u64) -> bool:
        """Resize in place when the size class stays the same (the block
        already has the room), or when both sizes are the fallback's and it can."""
        old = request_size(old_size)
        new = request_size(new_size)
        index = class_of(old, align)
        if class_of(new, align) != index:
            return False
        if index == NO_CLASS and not self.fallback.resize(addr, old, new, align):
            return False
        self.stats.note_resize(old, new)
        self.update_free()
        return True

    def grow(self, extra: u64) -> None:
        """Add ``extra`` bytes at the end (they go to the fallback)."""
        before = self.fallback.stats.heap_size
        self.fallback.grow(extra)
        self.stats.heap_size += self.fallback.stats.heap_size - before
        self.update_free()

    def push(self, index: u64, block: u64) -> None:
        next_of(block)[0] = self.heads[index]
        self.heads[index] = block
        self.cached[index] += 1
        self.cached_bytes += u64(8) << index
        self.cached_blocks += 1

    def pop(self, index: u64) -> u64:
        """The first block of class ``index``, or 0 when the class is empty."""
        block = self.heads[index]
        if block == LIST_END:
            return u64(0)
        self.heads[index] = next_of(block)[0]
        self.cached[index] -= 1
        self.cached_bytes -= u64(8) << index
        self.cached_blocks -= 1
        return block

    def refill(self, index: u64) -> None:
        """Cut a chunk from the fallback into blocks of class ``index``.

        Takes ``REFILL_BYTES`` (or one block, if larger) when it can, one
        granule-rounded block after a reclaim when memory is short, and
        leaves the class empty when even that fails.
        """
        block = u64(8) << index
        align = block if block > GRANULE else GRANULE
        chunk = block if block > REFILL_BYTES else REFILL_BYTES
        start = self.fallback.alloc(chunk, align)
        if start == 0:
            self.reclaim()
            chunk = align_up(block, GRANULE)
            start = self.fallback.alloc(chunk, align)
            if start == 0:
                return
        # Push from the top down, so the lowest block is handed out first.
        address = start + chunk
        while address > start:
            address -= block
            self.push(index, address)

    def reclaim(self) -> bool:
        """Return every cached block the fallback can take back; whether any was.

        The fallback merges them with their neighbours, so memory that
        served small blocks can serve a large request again.
        """
        before = self.cached_blocks
        for index in range(u64(1), SIZE_CLASSES):
            block = u64(8) << index
            while self.heads[index] != LIST_END:
                self.fallback.free(self.pop(u64(index)), block, block)
        # 8-byte blocks go back in aligned, adjacent pairs (16 bytes, one granule).
        current = sorted_by_address(self.heads[0])
        self.heads[0] = LIST_END
        self.cached_bytes -= self.cached[0] * 8
        self.cached_blocks -= self.cached[0]
        self.cached[0] = u64(0)
        while current != LIST_END:
            following = next_of(current)[0]
            if current & (GRANULE - 1) == 0 and following == current + 8:
                after = next_of(following)[0]
                self.fallback.free(current, GRANULE, GRANULE)
                current = after
            else:
                self.push(u64(0), current)
                current = following
        self.update_free()
        return self.cached_blocks < before

    def update_free(self) -> None:
        self.stats.bytes_free = self.fallback.stats.bytes_free + self.cached_bytes
        self.stats.free_regions = self.fallback.stats.free_regions + self.cached_blocks

    def cached_in_class(self, index: u64) -> u64:
        """How many free blocks class ``index`` holds."""
        return self.cached[index]


"""The linked-list allocator: a free list sorted by address, first fit, merging.

Every free block holds its own list node in its first 16 bytes, so the
allocator needs no memory of its own; used blocks carry nothing at all
(``free`` is told the size).  The list is kept sorted by address::

    head
     |    +--------------+           +--------------+
     +--> | size | next -+---------->| size | 0     |
          +--------------+           +--------------+
    heap  |free 48 | used | used |    free 4000 ...  |
          ^ 0x...000        ^ 0x...030 (no node: the caller's bytes)

Sizes and addresses are multiples of ``GRANULE`` (16): a request is
rounded up, so whatever is left over after carving an allocation out of a
free block is either nothing or big enough (16 bytes) to hold a node.

``alloc`` walks the list and takes the first block with room for the
request at the requested alignment (first fit).  The aligned piece is cut
out; the bytes before it (alignment padding) and after it stay on the
list as free blocks of their own.

``free`` walks to the block's place in the sorted list and merges it with
the free block just before and the one just after when they touch.  That
keeps fragmentation in check: after everything is freed the heap is one
block again (``stats.free_regions == 1``), so a large allocation works
after many small ones came and went.  The sorted walk also catches a
double free or a wrong size for free: the block would overlap a free
neighbour.

Both operations are O(free blocks).  That is the price of the design;
``heap_fixed`` puts size-class lists in front of it for the common small
sizes.
"""

from typing import Final

from kernel.mm.addr import align_down, align_up
from kernel.mm.heap_api import HeapStats, check_align, request_size
from pythos.lang import Ptr, panic, struct, u64

GRANULE: Final = u64(16)
# Marks the end of the list (0 is never a heap address).
NO_BLOCK: Final = u64(0)


@struct
class FreeBlock:
    """The node at the start of every free block."""

    size: u64  # bytes in the block, this node included
    next: u64  # address of the next free block up, or NO_BLOCK


def block_at(address: u64) -> Ptr[FreeBlock]:
    """The node of the free block at ``address``.

    Safety: ``address`` must be a free block inside the heap.
    """
    return Ptr[FreeBlock](address)


def block_size(size: u64) -> u64:
    """The bytes a request of ``size`` takes: rounded up to the granule."""
    return align_up(request_size(size), GRANULE)


@struct
class ListHeap:
    """A sorted free list over ``[start, end)``."""

    start: u64
    end: u64
    head: u64  # the lowest free block, or NO_BLOCK
    stats: HeapStats

    def init(self, heap_start: u64, heap_size: u64) -> None:
        """Manage ``heap_size`` bytes at ``heap_start`` as one free block.

        The range is trimmed to whole granules.

        Safety: the range must be mapped, writable and used by nothing else.
        """
        self.start = align_up(heap_start, GRANULE)
        self.end = align_down(heap_start + heap_size, GRANULE)
        if self.end < self.start:
            self.end = self.start
        self.head = NO_BLOCK
        self.stats.reset(self.end - self.start)
        if self.end > self.start:
            self.release(self.start, self.end - self.start)

    def alloc(self, size: u64, align: u64) -> u64:
        """``size`` bytes aligned to ``align``, or 0 when no free block fits."""
        check_align(align)
        address = self.take(block_size(size), align)
        if address == NO_BLOCK:
            self.stats.failed_count += 1
            return u64(0)
        self.stats.note_alloc(request_size(size))
        return address

    def free(self, addr: u64, size: u64, align: u64) -> None:
        """Return an allocation, merging it with the free blocks it touches."""
        length = block_size(size)
        if (addr < self.start or addr >= self.end or addr & (GRANULE - 1) != 0
                or length > self.end - addr):
            panic(f"list heap: freeing {addr:#x} (+{length}), which is not a heap block")
        self.release(addr, length)
        self.stats.note_free(request_size(size))

    def resize(self, addr: u64, old_size: u64, new_size: u64, align: u64) -> bool:
        """Resize in place: shrinking frees the tail; growing takes the
        free block right after the allocation, when there is one big enough."""
        old_length = block_size(old_size)
        new_length = block_size(new_size)
        if (addr < self.start or addr >= self.end or addr & (GRANULE - 1) != 0
                or old_length > self.end - addr):
            panic(f"list heap: resizing {addr:#x} (+{old_length}), which is not a heap block")
        if new_length < old_length:
            self.release(addr + new_length, old_length - new_length)
        elif new_length > old_length:
            end = addr + old_length
            previous = NO_BLOCK
            current = self.head
            while current != NO_BLOCK and current < end:
                previous = current
                current = block_at(current)[0].next
            if current != end or block_at(current)[0].size < new_length - old_length:
                return False
            self.cut(previous, current, end, new_length - old_length)
        self.stats.note_resize(request_size(old_size), request_size(new_size))
        return True

    def grow(self, extra: u64) -> None:
        """Add ``extra`` bytes (whole granules) at the end, merged with the last free block."""
        extra = align_down(extra, GRANULE)
        if extra == 0:
            return
        old_end = self.end
        self.end += extra
        self.stats.heap_size += extra
        self.release(old_end, extra)

    def take(self, length: u64, align: u64) -> u64:
        """Cut ``length`` bytes (a granule multiple) at ``align`` out of the
        first free block that has room; NO_BLOCK when none does.

        The pieces before and after the cut stay on the list.  Statistics
        of free memory are updated here; the caller counts the allocation.
        """
        if align < GRANULE:
            align = GRANULE
        previous = NO_BLOCK
        current = self.head
        while current != NO_BLOCK:
            block = block_at(current)[0]
            block_end = current + block.size
            aligned = align_up(current, align)
            if aligned >= current and aligned <= block_end and length <= block_end - aligned:
                self.cut(previous, current, aligned, length)
                return aligned
            previous = current
            current = block.next
        return NO_BLOCK

    def cut(self, previous: u64, current: u64, aligned: u64, length: u64) -> None:
        """Take ``[aligned, aligned + length)`` out of free block ``current``."""
        block = block_at(current)[0]
        block_end = current + block.size
        following = block.next
        after = aligned + length
        # The tail stays free as its own block, linked where ``current`` was.
        if after < block_end:
            tail = block_at(after)[0]
            tail.size = block_end - after
            tail.next = following
            following = after
            self.stats.free_regions += 1
        if aligned > current:
            # The padding in front keeps ``current``'s node, now shorter.
            block.size = aligned - current
            block.next = following
            self.stats.free_regions += 1
        else:
            self.link(previous, following)
        self.stats.free_regions -= 1
        self.stats.bytes_free -= length

    def link(self, previous: u64, following: u64) -> None:
        """Make ``following`` come after ``previous`` (or first)."""
        if previous == NO_BLOCK:
            self.head = following
        else:
            block_at(previous)[0].next = following

    def release(self, addr: u64, length: u64) -> None:
        """Put ``[addr, addr + length)`` back on the list, merged with its neighbours.

        Panics when the range overlaps a free block: a double free, or a
        free with the wrong size.
        """
        previous = NO_BLOCK
        following = self.head
        while following != NO_BLOCK and following < addr:
            previous = following
            following = block_at(following)[0].next
        end = addr + length
        if previous != NO_BLOCK and previous + block_at(previous)[0].size > addr:
            panic(f"list heap: double free of {addr:#x} (it is inside a free block)")
        if following != NO_BLOCK and following < end:
            panic(f"list heap: double free of {addr:#x} (it overlaps a free block)")
        self.stats.bytes_free += length
        # Merge with the block after: this block takes over its node.
        size = length
        if following != NO_BLOCK and following == end:
            after = block_at(following)[0]
            size += after.size
            following = after.next
            self.stats.free_regions -= 1
        # Merge with the block before: it simply gets longer.
        if previous != NO_BLOCK and previous + block_at(previous)[0].size == addr:
            before = block_at(previous)[0]
            before.size += size
            before.next = following
            return
        block = block_at(addr)[0]
        block.size = size
        block.next = following
        self.link(previous, addr)
        self.stats.free_regions += 1

    def largest_free(self) -> u64:
        """The size of the largest free block (the largest allocation possible)."""
        largest = u64(0)
        current = self.head
        while current != NO_BLOCK:
            block = block_at(current)[0]
            if block.size > largest:
                largest = block.size
            current = block.next
        return largest

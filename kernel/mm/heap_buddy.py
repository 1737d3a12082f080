"""The binary buddy allocator: power-of-two blocks that split and rejoin.

The heap is the start of an *arena* of ``ARENA_SIZE`` (16 MiB) bytes,
cut recursively in halves.  A block of order ``k`` is ``16 << k`` bytes
and starts at a multiple of its size from the arena base; its *buddy* is
the other half of the block of order ``k + 1`` it came from, found by
flipping one bit of its offset::

    order 3 (128)  |               A               |               B     ...
    order 2  (64)  |       A0      |      A1       |
    order 1  (32)  |  A00  |  A01  |
                   buddy(offset, k) = offset ^ (16 << k)

``alloc`` rounds a request up to a power of two (at least 16 bytes; the
alignment too, since every block is aligned to its own size), takes a
block of the smallest order that has one free, and splits it in halves
until it has the right size, putting each upper half on the free list of
its order.  ``free`` puts a block back and, while its buddy is free too,
rejoins the two into the block they came from.  Both walk at most
``MAX_ORDER`` orders, whatever the number of allocations: the design
trades internal fragmentation (up to half a block lost to rounding) for
bounded time and no external fragmentation between buddies.

Free lists are doubly linked through the free blocks themselves (a node
of ``next`` and ``prev``, 16 bytes: why order 0 is 16 bytes), so a buddy
can be taken off its list in O(1).  Whether a buddy is free is kept in a
side bitmap, not in a header: a header would make every block's payload
start off its natural alignment, and reading one from a buddy that is in
use would read the caller's bytes.  The bitmap has one bit for each pair
of buddies, order by order, holding ``free(A) xor free(B)`` (the classic
trick: half the bits of one bit per block)::

    pairs bitmap (bit index)
    | order 0 pairs: 2^19 bits | order 1: 2^18 | ... | order 19: 1 |
    bit(k, offset) = 2^20 - 2^(20 - k) + (offset >> (k + 4)) / 2

Freeing a block flips its pair's bit: if the bit is now 0 the buddy is
free, so the two merge.  Allocating a free block or splitting flips it
back.  The bitmap is ``ARENA_SIZE`` / 128 = 128 KiB inside the allocator
struct (kernel .bss), so it works before the heap is mapped; in exchange
the heap can never grow past the arena.

Growing fits the design naturally: blocks past the heap's current end are
simply never free, so their buddies never merge into them, and ``grow``
frees the new range piece by piece, letting it merge with what is there.
Allocations aligned beyond the arena base's own alignment fail (the
kernel heap's base is page-aligned or better).
"""

from typing import Final

from kernel.mm.addr import align_down, align_up, log2_floor, trailing_zeros
from kernel.mm.heap_api import HeapStats, check_align, request_size
from pythos.lang import Array, Ptr, panic, struct, u64

MIN_BLOCK: Final = u64(16)
MIN_SHIFT: Final = u64(4)
# Order of the whole arena: blocks run from 16 bytes (order 0) to 16 MiB.
MAX_ORDER: Final = u64(20)
ORDER_COUNT: Final = 21
ARENA_SIZE: Final = u64(16 << 20)
# 2^20 - 1 pair bits, in 64-bit words.
PAIR_WORDS: Final = 16384
# The end of a free list (0 is never a heap address).
NO_BLOCK: Final = u64(0)


@struct
class BuddyNode:
    """The list node at the start of every free block."""

    next: u64  # the next free block of the same order, or NO_BLOCK
    prev: u64  # the previous one, or NO_BLOCK for the first


def node_at(address: u64) -> Ptr[BuddyNode]:
    """The node of the free block at ``address``.

    Safety: ``address`` must be a free block of the heap.
    """
    return Ptr[BuddyNode](address)


def order_for(size: u64) -> u64:
    """The smallest order whose blocks hold ``size`` bytes."""
    if size <= MIN_BLOCK:
        return u64(0)
    return log2_floor(size - 1) + 1 - MIN_SHIFT


def pair_bit(offset: u64, order: u64) -> u64:
    """The bitmap index of the pair holding the block at ``offset`` of ``order``."""
    return ((u64(1) << MAX_ORDER) - (u64(1) << (MAX_ORDER - order))
            + (offset >> (order + MIN_SHIFT + 1)))


@struct
class BuddyHeap:
    """Buddy blocks over ``[base, end)``, the start of a 16 MiB arena."""

    base: u64
    end: u64  # the heap's current end; blocks past it are never free
    heads: Array[u64, 21]  # first free block of each order
    counts: Array[u64, 21]  # free blocks of each order
    pairs: Array[u64, 16384]
    stats: HeapStats

    def init(self, heap_start: u64, heap_size: u64) -> None:
        """Manage ``heap_size`` bytes at ``heap_start`` (at most ``ARENA_SIZE``).

        Safety: the range must be mapped, writable and used by nothing else.
        """
        self.base = align_up(heap_start, MIN_BLOCK)
        size = u64(0)
        if heap_start + heap_size > self.base:
            size = align_down(heap_start + heap_size - self.base, MIN_BLOCK)
        if size > ARENA_SIZE:
            size = ARENA_SIZE
        self.end = self.base + size
        for order in range(ORDER_COUNT):
            self.heads[order] = NO_BLOCK
            self.counts[order] = u64(0)
        for word in range(PAIR_WORDS):
            self.pairs[word] = u64(0)
        self.stats.reset(size)
        self.release(u64(0), size)

    def alloc(self, size: u64, align: u64) -> u64:
        """A block holding ``size`` bytes at ``align``, or 0 when none is free."""
        check_align(align)
        size = request_size(size)
        need = size if size > align else align
        if need > ARENA_SIZE or self.base & (align - 1) != 0:
            self.stats.failed_count += 1
            return u64(0)
        order = order_for(need)
        found = order
        while found <= MAX_ORDER and self.heads[found] == NO_BLOCK:
            found += 1
        if found > MAX_ORDER:
            self.stats.failed_count += 1
            return u64(0)
        address = self.heads[found]
        self.unlink(address, found)
        self.flip(address - self.base, found)
        # Split down to the order wanted; each upper half becomes free.
        while found > order:
            found -= 1
            upper = address + (MIN_BLOCK << found)
            self.push(upper, found)
            self.flip(upper - self.base, found)
        self.stats.note_alloc(size)
        return address

    def free(self, addr: u64, size: u64, align: u64) -> None:
        """Return a block, rejoining it with its buddy for as long as that is free."""
        size = request_size(size)
        need = size if size > align else align
        order = order_for(need)
        block = MIN_BLOCK << order
        offset = addr - self.base
        if (addr < self.base or addr >= self.end or offset & (block - 1) != 0
                or block > self.end - addr):
            panic(f"buddy heap: freeing {addr:#x} (order {order}), which is not a heap block")
        self.free_block(offset, order)
        self.stats.note_free(size)

    def resize(self, addr: u64, old_size: u64, new_size: u64, align: u64) -> bool:
        """Resize in place when the new size needs a block of the same order."""
        old = request_size(old_size)
        new = request_size(new_size)
        old_need = old if old > align else align
        new_need = new if new > align else align
        if order_for(old_need) != order_for(new_need):
            return False
        self.stats.note_resize(old, new)
        return True

    def grow(self, extra: u64) -> None:
        """Add ``extra`` bytes at the end (up to the arena), merged with free buddies."""
        extra = align_down(extra, MIN_BLOCK)
        room = ARENA_SIZE - (self.end - self.base)
        if extra > room:
            extra = room
        if extra == 0:
            return
        old_end = self.end - self.base
        self.end += extra
        self.stats.heap_size += extra
        self.release(old_end, old_end + extra)

    def release(self, first: u64, last: u64) -> None:
        """Free the arena offsets ``[first, last)`` as the largest aligned blocks."""
        offset = first
        while offset < last:
            order = MAX_ORDER
            if offset != 0 and trailing_zeros(offset) - MIN_SHIFT < order:
                order = trailing_zeros(offset) - MIN_SHIFT
            while MIN_BLOCK << order > last - offset:
                order -= 1
            self.free_block(offset, order)
            offset += MIN_BLOCK << order

    def free_block(self, offset: u64, order: u64) -> None:
        """Put the block at ``offset`` back, merging it with free buddies."""
        while order < MAX_ORDER:
            if self.flip(offset, order):
                break  # the buddy is in use (or past the end): stop here
            buddy = offset ^ (MIN_BLOCK << order)
            self.check_listed(self.base + buddy, order)
            self.unlink(self.base + buddy, order)
            offset &= ~(MIN_BLOCK << order)
            order += 1
        self.push(self.base + offset, order)

    def flip(self, offset: u64, order: u64) -> bool:
        """Flip the pair bit of the block at ``offset``; True if it is now set.

        A set bit means exactly one of the two buddies is free.  The whole
        arena (``MAX_ORDER``) has no buddy and no bit.
        """
        if order >= MAX_ORDER:
            return True
        bit = pair_bit(offset, order)
        mask = u64(1) << (bit & 63)
        word = self.pairs[bit >> 6] ^ mask
        self.pairs[bit >> 6] = word
        return word & mask != 0

    def push(self, address: u64, order: u64) -> None:
        node = node_at(address)[0]
        first = self.heads[order]
        node.next = first
        node.prev = NO_BLOCK
        if first != NO_BLOCK:
            node_at(first)[0].prev = address
        self.heads[order] = address
        self.counts[order] += 1
        self.stats.bytes_free += MIN_BLOCK << order
        self.stats.free_regions += 1

    def unlink(self, address: u64, order: u64) -> None:
        node = node_at(address)[0]
        if node.prev == NO_BLOCK:
            self.heads[order] = node.next
        else:
            node_at(node.prev)[0].next = node.next
        if node.next != NO_BLOCK:
            node_at(node.next)[0].prev = node.prev
        self.counts[order] -= 1
        self.stats.bytes_free -= MIN_BLOCK << order
        self.stats.free_regions -= 1

    def check_listed(self, address: u64, order: u64) -> None:
        """Panic unless the block at ``address`` really is on the list of ``order``.

        The pair bit said the buddy is free.  If it is not on the list, the
        bit was wrong: the block being freed was already free (a double
        free) or the caller passed the wrong size.
        """
        node = node_at(address)[0]
        previous = node.prev
        listed = False
        if previous == NO_BLOCK:
            listed = self.heads[order] == address
        elif (self.base <= previous < self.end and previous & (MIN_BLOCK - 1) == 0):
            listed = node_at(previous)[0].next == address
        if not listed:
            panic(f"buddy heap: double free or wrong size near {address:#x} (order {order})")

    def largest_free_order(self) -> u64:
        """The highest order with a free block, or ORDER_COUNT if none is free."""
        order = MAX_ORDER + 1
        while order > 0:
            order -= 1
            if self.heads[order] != NO_BLOCK:
                return order
        return u64(ORDER_COUNT)

    def free_blocks(self, order: u64) -> u64:
        """How many free blocks ``order`` has."""
        return self.counts[order]

"""The bitmap frame allocator: one bit a 4 KiB frame.

Frame ``i`` of the managed range ``[start, end)`` is bit ``i % 64`` of
64-bit word ``i / 64``; a set bit means "in use or not RAM", a clear bit
"free"::

    word 0                          word 1
    bit 0 .. 63                     bit 0 .. 63
    |1111111100000000...0011111|    |000...0001111111111111111|
     ^ frames 0-7 used               frames past end stay set ^
     start + i * 4096 is frame i

The bitmap needs ``end - start`` / 32 KiB bytes: 32 KiB for 1 GiB of RAM,
256 KiB for 8 GiB.  It lives in memory given to ``init`` (in the kernel,
frames of free RAM, which the caller then marks used), not in the kernel
image, so its size follows the machine.

Allocation is *next fit*: the search starts at the word where the last
one succeeded and wraps around, skipping whole words of used frames, so
the common case looks at one word.  Freeing is a bit operation; a frame
freed twice finds its bit already clear, which is how double frees are
caught.  ``free_count`` is kept exactly: every bit that flips changes it.

Unlike the free list, the bitmap never touches the frames it manages, so
it works before those frames are mapped and keeps no state in memory a
stray write could corrupt.  Its cost is the search: in a nearly full
bitmap an allocation may scan many words.
"""

from typing import Final

from kernel.arch.x86_64.layout import PhysWindow
from kernel.mm.addr import PhysAddr, VirtAddr, population_count, trailing_zeros
from kernel.mm.frames import (
    FRAME_SHIFT,
    FRAME_SIZE,
    NO_FRAME,
    RegionTable,
    check_frame,
    usable_range,
)
from pythos.lang import Array, Ptr, panic, struct, u64

ALL_USED: Final = u64(0xFFFFFFFFFFFFFFFF)
BITS_PER_WORD: Final = u64(64)


def bitmap_bytes(start: PhysAddr, end: PhysAddr) -> u64:
    """Bytes of bitmap (whole words) for the frames in ``[start, end)``."""
    frames = (end.align_up(FRAME_SIZE).value - start.align_down(FRAME_SIZE).value) >> FRAME_SHIFT
    return (frames + BITS_PER_WORD - 1) // BITS_PER_WORD * 8


@struct
class BitmapFrameAllocator:
    """Frames of ``[start, end)`` tracked by a bitmap at ``words``."""

    window: PhysWindow
    regions: RegionTable
    words: Ptr[u64]
    word_count: u64
    start: u64  # physical address of frame 0 (frame-aligned)
    end: u64  # physical end of the managed range (exclusive)
    frame_count: u64
    free_count: u64
    managed_count: u64  # frames inside added regions
    next_word: u64  # where the next search starts

    def storage_needed(self, start: PhysAddr, end: PhysAddr) -> u64:
        """Bytes of bitmap for ``[start, end)``."""
        return bitmap_bytes(start, end)

    def init(self, window: PhysWindow, start: PhysAddr, end: PhysAddr, storage: VirtAddr,
             storage_size: u64) -> None:
        """Manage ``[start, end)`` with the bitmap at ``storage``; all frames start used.

        Safety: ``storage_size`` bytes at ``storage`` must be writable memory
        that nothing else uses for as long as the allocator lives.  If they
        are frames of the managed range, the caller marks them used.
        """
        self.window = window
        self.regions.clear()
        self.start = start.align_down(FRAME_SIZE).value
        self.end = end.align_up(FRAME_SIZE).value
        self.frame_count = (self.end - self.start) >> FRAME_SHIFT
        self.word_count = (self.frame_count + BITS_PER_WORD - 1) // BITS_PER_WORD
        if storage_size < self.word_count * 8:
            panic(f"the frame bitmap needs {self.word_count * 8} bytes, got {storage_size}")
        if storage.value & 7 != 0:
            panic(f"the frame bitmap at {storage.value:#x} is not 8-byte aligned")
        self.words = Ptr[u64](storage.value)
        for index in range(self.word_count):
            self.words[index] = ALL_USED
        self.free_count = u64(0)
        self.managed_count = u64(0)
        self.next_word = u64(0)

    def add_region(self, start: PhysAddr, end: PhysAddr) -> None:
        """The whole frames in ``[start, end)`` are RAM, and free."""
        bounds = Array[u64, 2]()
        if not usable_range(self.window, self.start, self.end, start, end, bounds):
            return
        self.regions.add(bounds[0], bounds[1])
        first = (bounds[0] - self.start) >> FRAME_SHIFT
        last = (bounds[1] - self.start) >> FRAME_SHIFT
        self.managed_count += last - first
        self.free_count += self.set_bits(first, last, False)

    def mark_used(self, start: PhysAddr, end: PhysAddr) -> None:
        """Every managed frame touching ``[start, end)`` is in use."""
        first = start.align_down(FRAME_SIZE).value
        last = end.align_up(FRAME_SIZE).value
        if first < self.start:
            first = self.start
        if last > self.end:
            last = self.end
        if first >= last:
            return
        # Holes between regions are already set, so setting a whole range
        # only changes (and counts) free frames.
        self.free_count -= self.set_bits((first - self.start) >> FRAME_SHIFT,
                                         (last - self.start) >> FRAME_SHIFT, True)

    def set_bits(self, first: u64, last: u64, used: bool) -> u64:
        """Set (``used``) or clear bits ``[first, last)``; how many changed.

        Whole words are done at once: booting with 8 GiB touches 32768
        words, not two million bits.
        """
        changed = u64(0)
        index = first
        while index < last:
            word = index // BITS_PER_WORD
            bit = index % BITS_PER_WORD
            count = BITS_PER_WORD - bit
            if count > last - index:
                count = last - index
            mask = ALL_USED if count == BITS_PER_WORD else ((u64(1) << count) - 1) << bit
            old = self.words[word]
            if used:
                changed += population_count(~old & mask)
                self.words[word] = old | mask
            else:
                changed += population_count(old & mask)
                self.words[word] = old & ~mask
            index += count
        return changed

    def allocate(self) -> PhysAddr:
        """A free frame (marked used), or ``PhysAddr(NO_FRAME)``."""
        if self.free_count == 0:
            return PhysAddr(NO_FRAME)
        word = self.next_word
        for _ in range(self.word_count):
            bits = self.words[word]
            if bits != ALL_USED:
                bit = trailing_zeros(~bits)
                self.words[word] = bits | (u64(1) << bit)
                self.free_count -= 1
                self.next_word = word
                return PhysAddr(self.start + ((word * BITS_PER_WORD + bit) << FRAME_SHIFT))
            word += 1
            if word == self.word_count:
                word = u64(0)
        panic("frame bitmap: free count says a frame is free, but no bit is clear")

    def free(self, frame: PhysAddr) -> None:
        """Give ``frame`` back; panics for a double free or an unmanaged frame."""
        check_frame(self.regions, frame)
        index = (frame.value - self.start) >> FRAME_SHIFT
        word = index // BITS_PER_WORD
        mask = u64(1) << (index % BITS_PER_WORD)
        bits = self.words[word]
        if bits & mask == 0:
            panic(f"double free of frame {frame.value:#x}")
        self.words[word] = bits & ~mask
        self.free_count += 1

    def is_free(self, frame: PhysAddr) -> bool:
        """Whether ``frame`` is managed and free."""
        if not frame.is_aligned(FRAME_SIZE) or not self.regions.contains(frame.value):
            return False
        index = (frame.value - self.start) >> FRAME_SHIFT
        return self.words[index // BITS_PER_WORD] & (u64(1) << (index % BITS_PER_WORD)) == 0

    def free_frames(self) -> u64:
        """How many frames are free."""
        return self.free_count

    def managed_frames(self) -> u64:
        """How many frames the added regions hold (free or used)."""
        return self.managed_count

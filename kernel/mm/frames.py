"""Physical frames: the interface both frame allocators share.

Physical memory is handed out in *frames* of 4 KiB, the unit the page
tables map.  Which frames are RAM at all comes from the Multiboot memory
map; some of that RAM is taken before any allocator exists (the first
MiB, the kernel image, the Multiboot structures)::

    physical
    0          1 MiB     kernel image     mbi    ...            top of RAM
    | reserved | ...  |##### used #####| used | free frames ... |
    +----------+------+-----------------+------+----------------+
                 ^ usable regions from the memory map (holes between them
                   are never handed out)

Two allocators implement the same methods, and the kernel picks one at
build time (``frames_bitmap.BitmapFrameAllocator`` or
``frames_list.ListFrameAllocator``):

``storage_needed(start, end) -> u64``
    Bytes of bookkeeping the allocator needs for frames in
    ``[start, end)`` (the bitmap: one bit a frame; the list: nothing).
``init(window, start, end, storage, storage_size)``
    Manage frames in ``[start, end)``, reached through ``window``
    (virtual = window base + physical), with ``storage_size`` bytes of
    bookkeeping at virtual ``storage``.  Every frame starts out used.
``add_region(start, end)``
    The frames wholly inside ``[start, end)`` are usable RAM and free.
``mark_used(start, end)``
    Every frame touching ``[start, end)`` is in use (the kernel image, the
    bitmap itself); freeing one later is allowed.
``allocate() -> PhysAddr``
    A free frame, or ``NO_FRAME`` when none is left.
``free(frame)``
    Give a frame back; panics for a frame that is misaligned, outside
    every added region, or already free.
``is_free(frame)``, ``free_frames()``, ``managed_frames()``
    Questions for tests and for the boot log.

The kernel reaches physical memory through a ``PhysWindow``: the offset
mapping in the kernel, an ``Array`` standing in for RAM in host tests
(with a made-up physical base, so frame numbers look like real ones).
Both allocators keep the usable regions in a small table
(``RegionTable``): it is how they tell an unmanaged frame (a hole in the
memory map) from a used one.
"""

from typing import Final

from kernel.arch.x86_64.layout import PhysWindow
from kernel.mm.addr import PAGE_SIZE, PhysAddr
from pythos.lang import Array, panic, struct, u64

FRAME_SIZE: Final = PAGE_SIZE
FRAME_SHIFT: Final = u64(12)
# What ``allocate`` returns when memory is exhausted: not frame-aligned,
# so it can never be mistaken for a frame.
NO_FRAME: Final = u64(0xFFFFFFFFFFFFFFFF)
# Usable regions a table holds; Multiboot maps have a handful.
MAX_REGIONS: Final = 32


@struct
class RegionTable:
    """Disjoint, sorted ranges ``[starts[i], ends[i])`` of frame-aligned memory."""

    starts: Array[u64, 32]
    ends: Array[u64, 32]
    count: u64

    def clear(self) -> None:
        self.count = u64(0)

    def add(self, start: u64, end: u64) -> None:
        """Add ``[start, end)``, merging with a neighbour it touches.

        Panics when the range overlaps one already added (a memory map
        listing the same RAM twice would make it free twice) or the table
        is full.
        """
        position = u64(0)
        while position < self.count and self.starts[position] < start:
            position += 1
        if position > 0 and self.ends[position - 1] > start:
            panic(f"memory region {start:#x}..{end:#x} overlaps one added before")
        if position < self.count and self.starts[position] < end:
            panic(f"memory region {start:#x}..{end:#x} overlaps one added before")
        if position > 0 and self.ends[position - 1] == start:
            self.ends[position - 1] = end
            if position < self.count and self.starts[position] == end:
                self.ends[position - 1] = self.ends[position]
                self.remove(position)
            return
        if position < self.count and self.starts[position] == end:
            self.starts[position] = start
            return
        if self.count == MAX_REGIONS:
            panic(f"more than {MAX_REGIONS} separate memory regions")
        index = self.count
        while index > position:
            self.starts[index] = self.starts[index - 1]
            self.ends[index] = self.ends[index - 1]
            index -= 1
        self.starts[position] = start
        self.ends[position] = end
        self.count += 1

    def remove(self, position: u64) -> None:
        """Drop entry ``position``, closing the gap."""
        index = position
        while index + 1 < self.count:
            self.starts[index] = self.starts[index + 1]
            self.ends[index] = self.ends[index + 1]
            index += 1
        self.count -= 1

    def contains(self, address: u64) -> bool:
        """Whether ``address`` lies in one of the ranges."""
        for index in range(self.count):  # noqa: SIM110 (no generators in Pythos)
            if self.starts[index] <= address < self.ends[index]:
                return True
        return False


def usable_range(window: PhysWindow, low: u64, high: u64, start: PhysAddr,
                 end: PhysAddr, out: Array[u64, 2]) -> bool:
    """The whole frames of ``[start, end)`` inside ``[low, high)``, into ``out``.

    Returns False when no whole frame is left.  Panics when the frames are
    not all reachable through ``window``: the allocators write to free
    frames (the list) or hand them out to code that will.
    """
    first = start.align_up(FRAME_SIZE).value
    last = end.align_down(FRAME_SIZE).value
    if first < low:
        first = low
    if last > high:
        last = high
    if first >= last:
        return False
    if not window.contains(PhysAddr(first), last - first):
        panic(f"frames {first:#x}..{last:#x} are outside the physical memory window")
    out[0] = first
    out[1] = last
    return True


def check_frame(regions: RegionTable, frame: PhysAddr) -> None:
    """Panic unless ``frame`` is frame-aligned and inside a managed region."""
    if not frame.is_aligned(FRAME_SIZE):
        panic(f"freeing {frame.value:#x}, which is not the start of a frame")
    if not regions.contains(frame.value):
        panic(f"freeing frame {frame.value:#x}, which this allocator does not manage")

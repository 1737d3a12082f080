"""The free-list frame allocator: free frames threaded into a list.

A free frame holds nothing useful, so it can hold the list itself.  The
first word of each free frame is the physical address of the next free
frame; the last one points at ``LIST_END``, a sentinel that no frame can
have (it is neither frame-aligned nor below the 52-bit physical limit)::

    head                 frame 0x7000            frame 0x3000
    0x7000 ------------> | next = 0x3000 | ----> | next = LIST_END |
                         | tag           |       | tag             |
                         | (rest unused) |       | (rest unused)   |

The second word is a *tag*, ``FREE_TAG`` xor the frame's own address.
It costs nothing on the fast paths and buys two checks:

* ``allocate`` finds the tag intact, or the frame was written while it
  was free (a use after free); a next pointer that is neither the
  sentinel nor a managed frame means the same.
* ``free`` of a frame whose tag is already there is probably a double
  free; because a used frame could hold those bytes by chance, the list
  is then walked to be sure before panicking.

``allocate`` pops the head and ``free`` pushes, both O(1) and with no
search, which is the point of this design.  The costs: the allocator
writes into every free frame, so all RAM must be mapped (the offset
window) before ``add_region``, and ``add_region`` touches each frame
once; ``mark_used`` and ``is_free`` walk the whole list.  Regions are
pushed from the top down so that allocation starts at low addresses.
"""

from typing import Final

from kernel.arch.x86_64.layout import PhysWindow
from kernel.mm.addr import PhysAddr, VirtAddr
from kernel.mm.frames import FRAME_SIZE, NO_FRAME, RegionTable, check_frame, usable_range
from pythos.lang import Array, Ptr, panic, struct, u64

# The next pointer of the last free frame (documented in docs/memory.md).
LIST_END: Final = u64(0xDEADBEEFDEADBEEF)
# Xored with the frame's address into its second word while it is free.
FREE_TAG: Final = u64(0x4652454546524D45)  # "FREEFRME" in ASCII


@struct
class ListFrameAllocator:
    """Free frames linked through their first word, starting at ``head``."""

    window: PhysWindow
    regions: RegionTable
    head: u64  # physical address of the first free frame, or LIST_END
    start: u64
    end: u64
    free_count: u64
    managed_count: u64

    def storage_needed(self, start: PhysAddr, end: PhysAddr) -> u64:
        """The list lives in the free frames: no other storage."""
        return u64(0)

    def init(self, window: PhysWindow, start: PhysAddr, end: PhysAddr, storage: VirtAddr,
             storage_size: u64) -> None:
        """Manage frames in ``[start, end)``, all used until regions are added.

        ``storage`` is not used (``storage_needed`` is 0).
        """
        self.window = window
        self.regions.clear()
        self.head = LIST_END
        self.start = start.align_down(FRAME_SIZE).value
        self.end = end.align_up(FRAME_SIZE).value
        self.free_count = u64(0)
        self.managed_count = u64(0)

    def node(self, frame: u64) -> Ptr[u64]:
        """The first two words of ``frame``: next pointer and tag.

        Safety: ``frame`` must be a managed frame (inside an added region,
        all of which lie in the window).
        """
        return Ptr[u64](self.window.base + frame)

    def push(self, frame: u64) -> None:
        words = self.node(frame)
        words[0] = self.head
        words[1] = FREE_TAG ^ frame
        self.head = frame
        self.free_count += 1

    def add_region(self, start: PhysAddr, end: PhysAddr) -> None:
        """The whole frames in ``[start, end)`` are RAM, and free."""
        bounds = Array[u64, 2]()
        if not usable_range(self.window, self.start, self.end, start, end, bounds):
            return
        self.regions.add(bounds[0], bounds[1])
        self.managed_count += (bounds[1] - bounds[0]) // FRAME_SIZE
        frame = bounds[1]
        while frame > bounds[0]:
            frame -= FRAME_SIZE
            self.push(frame)

    def mark_used(self, start: PhysAddr, end: PhysAddr) -> None:
        """Take every free frame touching ``[start, end)`` off the list."""
        first = start.align_down(FRAME_SIZE).value
        last = end.align_up(FRAME_SIZE).value
        previous = LIST_END
        frame = self.head
        while frame != LIST_END:
            words = self.node(frame)
            following = words[0]
            if first <= frame < last:
                if previous == LIST_END:
                    self.head = following
                else:
                    self.node(previous)[0] = following
                words[1] = u64(0)
                self.free_count -= 1
            else:
                previous = frame
            frame = following

    def allocate(self) -> PhysAddr:
        """The first free frame, or ``PhysAddr(NO_FRAME)``."""
        frame = self.head
        if frame == LIST_END:
            return PhysAddr(NO_FRAME)
        words = self.node(frame)
        if words[1] != FREE_TAG ^ frame:
            panic(f"free frame {frame:#x} was written while it was free")
        following = words[0]
        if following != LIST_END and (following & (FRAME_SIZE - 1) != 0
                                      or not self.regions.contains(following)):
            panic(f"free frame list corrupted: frame {frame:#x} links to {following:#x}")
        self.head = following
        words[0] = u64(0)
        words[1] = u64(0)
        self.free_count -= 1
        return PhysAddr(frame)

    def free(self, frame: PhysAddr) -> None:
        """Push ``frame`` back; panics for a double free or an unmanaged frame."""
        check_frame(self.regions, frame)
        if self.node(frame.value)[1] == FREE_TAG ^ frame.value and self.on_list(frame.value):
            panic(f"double free of frame {frame.value:#x}")
        self.push(frame.value)

    def on_list(self, target: u64) -> bool:
        """Whether ``target`` is on the free list (walks it)."""
        frame = self.head
        while frame != LIST_END:
            if frame == target:
                return True
            frame = self.node(frame)[0]
        return False

    def is_free(self, frame: PhysAddr) -> bool:
        """Whether ``frame`` is managed and free."""
        if not frame.is_aligned(FRAME_SIZE) or not self.regions.contains(frame.value):
            return False
        return self.node(frame.value)[1] == FREE_TAG ^ frame.value and self.on_list(frame.value)

    def free_frames(self) -> u64:
        """How many frames are free."""
        return self.free_count

    def managed_frames(self) -> u64:
        """How many frames the added regions hold (free or used)."""
        return self.managed_count

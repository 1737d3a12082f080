"""Memory statistics: what the shell's ``mem`` command prints, gathered in one place.

Memory is managed in three layers, each with its own counters, and ``mem``
shows one line for each:

* **frames** (``memory.frames``): physical 4 KiB frames, managed by the
  frame allocator chosen at build time (a bitmap or a free list).  Total
  is the frames the allocator manages (usable RAM less what the kernel
  image and the allocator's own storage took at boot); free is what it can
  still hand out.
* **heap** (``kernel.mm.heap``): the kernel heap in the design chosen at
  build time.  ``mapped`` is the virtual memory mapped for it so far (it
  grows on demand); ``used`` the bytes live allocations asked for;
  ``free`` the bytes in its free blocks; ``peak`` the most ever used.
  Used and free need not add up to the size: the difference is the
  design's overhead (headers, rounding to a block size or power of two).
* **objects** (``pythos.rt.alloc``): Python objects (str, list, dict,
  instances) live in runs the object allocator takes from the heap.
  ``live`` counts them, ``in use`` is the bytes they asked for and
  ``held`` the bytes of runs (and large blocks) held from the heap.

``gather`` reads the three sets of counters into a ``MemoryStats``, a
plain dataclass, and ``report`` turns one into lines of text; both are
ordinary Python, so the report is tested on the host with made-up
numbers.  Sizes are shown rounded to a tenth in the largest unit that
keeps them at least 1 (integer arithmetic: there are no floats in the
kernel).
"""

from dataclasses import dataclass
from typing import Final

import kernel.mm.heap as heap
import kernel.mm.memory as memory
from kernel.mm.frame_allocator import FRAME_ALLOCATOR_NAME
from kernel.mm.heap_allocator import HEAP_NAME
from pythos.lang import i64, u64
from pythos.rt.alloc import obj_stats

FRAME_SIZE: Final = 4096
UNITS: Final = ["B", "KiB", "MiB", "GiB", "TiB"]


@dataclass
class MemoryStats:
    """A snapshot of the frame allocator, the kernel heap and the objects."""

    frame_allocator: str
    frames_total: int
    frames_free: int
    heap_design: str
    heap_mapped: int
    heap_used: int
    heap_free: int
    heap_peak: int
    heap_allocations: int
    objects_live: int
    object_bytes: int
    object_held: int


def size_text(n: int) -> str:
    """``n`` bytes for people: ``512 B``, ``1.5 KiB``, ``126.9 MiB``
    (rounded down to a tenth)."""
    step = 0
    scale = 1
    while step < len(UNITS) - 1 and n >= scale * 1024:
        scale *= 1024
        step += 1
    if step == 0:
        return f"{n} B"
    tenths = n * 10 // scale
    return f"{tenths // 10}.{tenths % 10} {UNITS[step]}"


def report(stats: MemoryStats) -> list[str]:
    """The lines ``mem`` prints."""
    used_frames = stats.frames_total - stats.frames_free
    return [
        f"frames:  {stats.frames_free} of {stats.frames_total} free "
        f"({size_text(stats.frames_free * FRAME_SIZE)} of "
        f"{size_text(stats.frames_total * FRAME_SIZE)}), {used_frames} in use; "
        f"{stats.frame_allocator} allocator",
        f"heap:    {size_text(stats.heap_used)} used, {size_text(stats.heap_free)} free, "
        f"{size_text(stats.heap_mapped)} mapped, peak {size_text(stats.heap_peak)}; "
        f"{stats.heap_allocations} allocations; {stats.heap_design}",
        f"objects: {stats.objects_live} live, {size_text(stats.object_bytes)} in use, "
        f"{size_text(stats.object_held)} held",
    ]


def as_int(n: u64) -> int:
    """A counter as an ``int`` (counters stay far below 2**63)."""
    return int(i64(n))


def gather() -> MemoryStats:
    """The counters as they are now (the heap and objects must be up)."""
    heap_stats = heap.stats()
    objects = obj_stats()
    return MemoryStats(FRAME_ALLOCATOR_NAME,
                       as_int(memory.frames.managed_frames()),
                       as_int(memory.frames.free_frames()),
                       HEAP_NAME,
                       as_int(heap.mapped_size()),
                       as_int(heap_stats.bytes_used),
                       as_int(heap_stats.bytes_free),
                       as_int(heap_stats.peak_used),
                       as_int(heap_stats.live_allocations()),
                       as_int(objects.live),
                       as_int(objects.in_use),
                       as_int(objects.footprint))

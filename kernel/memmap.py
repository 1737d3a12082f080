"""The boot log's memory map, as a list of ``Region`` objects.

The loader's map is copied into a fixed ``Array[MemoryRegion, 32]`` as
soon as ``kmain`` starts (``multiboot.read_memory_map``): the frame
allocator needs it before any heap exists.  The report for people is made
later, once the object runtime is up, from ordinary objects: one
``Region`` per entry, with the names and sizes the log shows, and the
total of the available ones.  So the printing code is plain Python, and
runs under CPython as it is (tests/kernel/test_memmap.py).

    memory map (7 regions):
      0x0000000000000000-0x000000000009fbff    639 KiB available
      ...
    usable memory: 130559 KiB (127 MiB)
"""

import kernel.multiboot as multiboot
import kernel.sizes as sizes
from kernel.multiboot import MemoryRegion
from pythos.lang import Array, u32, u64


class Region:
    """One range of physical memory and what the loader says it is."""

    def __init__(self, base: u64, length: u64, kind: u32) -> None:
        self.base = base
        self.length = length
        self.kind = kind

    def available(self) -> bool:
        return self.kind == multiboot.REGION_AVAILABLE

    def line(self) -> str:
        """The region's line in the boot log."""
        last = self.base + self.length - 1
        return (f"  {self.base:#018x}-{last:#018x} {sizes.value(self.length):>6} "
                f"{sizes.unit(self.length):<3} {multiboot.kind_name(self.kind)}")


def regions(table: Array[MemoryRegion, 32], count: u32) -> list[Region]:
    """The first ``count`` entries of the copied map, as objects."""
    out: list[Region] = []
    for i in range(count):
        out.append(Region(table[i].base, table[i].length, table[i].kind))
    return out


def usable_bytes(map: list[Region]) -> u64:
    """The total length of the available regions."""
    total = u64(0)
    for region in map:
        if region.available():
            total += region.length
    return total


def report(map: list[Region]) -> None:
    """Print the map, one line per region, then the usable total."""
    print(f"memory map ({len(map)} regions):")
    for region in map:
        print(region.line())
    usable = usable_bytes(map)
    print(f"usable memory: {usable >> 10} KiB ({usable >> 20} MiB)")

"""Page tables over fake RAM on a fixed pseudo-random workload.

Maps pages scattered over both halves of the address space, translates,
changes flags and unmaps, and checks the recursive-entry addresses, all
printed relative to the fake RAM's physical base.
"""

from typing import Final

from lib_mm_workload import Rng

from kernel.arch.x86_64.layout import PhysWindow
from kernel.mm.addr import PhysAddr, VirtAddr, virt_from_indexes
from kernel.mm.frames_bitmap import BitmapFrameAllocator
from kernel.mm.paging import (
    MAPPED,
    NO_EXECUTE,
    NOT_MAPPED,
    USER,
    WRITABLE,
    PageTables,
    recursive_entry,
    recursive_table,
)
from pythos.lang import Array, addr_of, panic, u8, u64

FRAMES: Final = 64
PHYS_BASE: Final = u64(0x200000)
FRAME: Final = u64(4096)
PAGES: Final = 40

RAM = Array[u8, 262144]()
BITMAP = Array[u64, 1]()
MAPPED_FRAME = Array[u64, 40]()  # 0 when the page is not mapped


def page_of(slot: u64) -> VirtAddr:
    """Page ``slot`` of a fixed scattering over both halves."""
    l4 = u64(0) if slot % 3 == 0 else (u64(256) if slot % 3 == 1 else u64(510))
    return virt_from_indexes(l4, slot % u64(2), slot % u64(5), slot * u64(7), u64(0))


def main() -> None:
    window = PhysWindow(addr_of(RAM).addr - PHYS_BASE, PHYS_BASE + u64(FRAMES) * FRAME)
    frames = BitmapFrameAllocator()
    frames.init(window, PhysAddr(PHYS_BASE), PhysAddr(PHYS_BASE + u64(FRAMES) * FRAME),
                VirtAddr(addr_of(BITMAP).addr), u64(8))
    frames.add_region(PhysAddr(PHYS_BASE), PhysAddr(PHYS_BASE + u64(FRAMES) * FRAME))
    tables = PageTables(window, frames.allocate())
    rng = Rng(u64(0x13198A2E03707344))
    checksum = u64(0)
    for step in range(600):
        slot = rng.next() % u64(PAGES)
        page = page_of(slot)
        action = rng.next() % u64(4)
        if action == 0 and MAPPED_FRAME[slot] == 0:
            frame = u64(0x1000000) + (rng.next() % u64(4096)) * FRAME
            flags = WRITABLE if step % 2 == 0 else (USER | NO_EXECUTE)
            if tables.map(page, PhysAddr(frame), flags, frames) != MAPPED:
                panic("map failed")
            MAPPED_FRAME[slot] = frame
        elif action == 1:
            if tables.unmap(page).value != (MAPPED_FRAME[slot] or NOT_MAPPED):
                panic("unmap gave the wrong frame")
            MAPPED_FRAME[slot] = u64(0)
        elif action == 2 and MAPPED_FRAME[slot] != 0:
            tables.set_flags(page, WRITABLE | NO_EXECUTE | (USER if step % 3 == 0 else u64(0)))
        offset = rng.next() % FRAME
        got = tables.translate(page.offset(offset)).value
        expected = MAPPED_FRAME[slot] + offset if MAPPED_FRAME[slot] != 0 else NOT_MAPPED
        if got != expected:
            panic(f"translate of slot {slot} gave {got:#x}, expected {expected:#x}")
        checksum = checksum * 31 + (got & 0xFFFFFF) + tables.flags(page)
    print(f"checksum {checksum:#x} tables {frames.managed_frames() - frames.free_frames()}")
    tables.map_recursive()
    for slot in range(PAGES):
        page = page_of(u64(slot))
        if MAPPED_FRAME[slot] != 0:
            pt = tables.translate(recursive_table(page, u64(1))).value
            entry = tables.translate(recursive_entry(page, u64(1))).value
            print(f"slot {slot}: PT at frame {(pt - PHYS_BASE) // FRAME}, "
                  f"entry at +{entry - pt}, flags {tables.flags(page):#x}")


if __name__ == "__main__":
    main()

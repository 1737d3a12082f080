"""Shared parts of the frame allocator programs (mm_frames_*.py).

RAM is an Array that pretends to start at physical 1 MiB, with a hole in
the middle and a reserved range, as a Multiboot memory map would have.
Frames are printed as numbers relative to that base, so the output is the
same under CPython and compiled.

The workload is written once, against ``FrameAllocator`` from
``kernel.mm.frame_allocator``, the module the kernel build points at the
design it compiles in (``pythos build --frames=...``).  Under CPython any
design fits; compiled, the test points that module at the program's
design (tests/kernel/test_mm_compiled.py), as the kernel build does.
"""

from typing import Final

from lib_mm_workload import Rng

from kernel.arch.x86_64.layout import PhysWindow
from kernel.mm.addr import PhysAddr
from kernel.mm.frame_allocator import FrameAllocator
from kernel.mm.frames import NO_FRAME
from pythos.lang import Array, Ptr, addr_of, panic, u8, u64

FRAMES: Final = 64
PHYS_BASE: Final = u64(0x100000)
FRAME: Final = u64(4096)
STEPS: Final = 2000

RAM = Array[u8, 262144]()
BITMAP = Array[u64, 4]()
OWNED = Array[u64, 64]()  # frames handed out, by index; 0 = not held


def window() -> PhysWindow:
    return PhysWindow(addr_of(RAM).addr - PHYS_BASE, PHYS_BASE + u64(FRAMES) * FRAME)


def phys(offset: u64) -> PhysAddr:
    return PhysAddr(PHYS_BASE + offset)


def stamp(frame: PhysAddr, value: u64) -> None:
    # The last word of the frame: the list allocator's node is in the first two.
    Ptr[u64](window().base + frame.value + FRAME - 8)[0] = value


def stamped(frame: PhysAddr) -> u64:
    return Ptr[u64](window().base + frame.value + FRAME - 8)[0]


def run(frames: FrameAllocator, name: str, rng: Rng) -> None:
    """Give ``frames`` the fake RAM, then allocate and free random frames
    STEPS times, checking that held frames keep their contents and that
    frames are conserved; then free everything."""
    frames.add_region(phys(u64(0)), phys(u64(20) * FRAME))
    frames.add_region(phys(u64(24) * FRAME + 100), phys(u64(FRAMES) * FRAME))
    frames.mark_used(phys(u64(2) * FRAME), phys(u64(5) * FRAME))
    print(f"{name}: managed", frames.managed_frames(), "free", frames.free_frames())
    total = frames.free_frames()
    checksum = u64(0)
    held = u64(0)
    for step in range(STEPS):
        slot = rng.next() % u64(FRAMES)
        if OWNED[slot] == 0:
            frame = frames.allocate()
            if frame.value == NO_FRAME:
                continue
            OWNED[slot] = frame.value
            stamp(frame, u64(step))
            held += 1
            checksum = checksum * 31 + frame.frame_number() - (PHYS_BASE >> 12)
        else:
            frame = PhysAddr(OWNED[slot])
            if stamped(frame) > u64(step):
                panic("a held frame was overwritten")
            frames.free(frame)
            OWNED[slot] = u64(0)
            held -= 1
        if frames.free_frames() + held != total:
            panic("frame count not conserved")
    print(f"{name}: checksum {checksum:#x} held {held} free {frames.free_frames()}")
    for slot in range(FRAMES):
        if OWNED[slot] != 0:
            frames.free(PhysAddr(OWNED[slot]))
            OWNED[slot] = u64(0)
    print(f"{name}: free after", frames.free_frames())

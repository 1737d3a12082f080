"""The bitmap frame allocator on the shared workload (see lib_mm_frames).

Compiled, kernel.mm.frame_allocator must name this design (the test does that).
"""

from lib_mm_frames import BITMAP, FRAME, FRAMES, phys, run, window
from lib_mm_workload import Rng

from kernel.mm.addr import VirtAddr
from kernel.mm.frames_bitmap import BitmapFrameAllocator
from pythos.lang import addr_of, u64


def main() -> None:
    frames = BitmapFrameAllocator()
    frames.init(window(), phys(u64(0)), phys(u64(FRAMES) * FRAME),
                VirtAddr(addr_of(BITMAP).addr), u64(32))
    run(frames, "bitmap", Rng(u64(0x243F6A8885A308D3)))


if __name__ == "__main__":
    main()

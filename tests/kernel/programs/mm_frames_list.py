"""The free-list frame allocator on the shared workload (see lib_mm_frames).

Compiled, kernel.mm.frame_allocator must name this design (the test does that).
"""

from lib_mm_frames import FRAME, FRAMES, phys, run, window
from lib_mm_workload import Rng

from kernel.mm.addr import VirtAddr
from kernel.mm.frames_list import ListFrameAllocator
from pythos.lang import u64


def main() -> None:
    frames = ListFrameAllocator()
    frames.init(window(), phys(u64(0)), phys(u64(FRAMES) * FRAME), VirtAddr(u64(0)), u64(0))
    run(frames, "list", Rng(u64(0x243F6A8885A308D3)))


if __name__ == "__main__":
    main()

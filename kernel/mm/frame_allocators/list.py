"""``pythos build --frames=list``: compiled in place of ``kernel.mm.frame_allocator``."""

from typing import Final

from kernel.mm.frames_list import ListFrameAllocator as FrameAllocator  # noqa: F401

# For the boot log.
FRAME_ALLOCATOR_NAME: Final = "free list"

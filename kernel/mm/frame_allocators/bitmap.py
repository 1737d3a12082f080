"""``pythos build --frames=bitmap``: compiled in place of ``kernel.mm.frame_allocator``."""

from typing import Final

from kernel.mm.frames_bitmap import BitmapFrameAllocator as FrameAllocator  # noqa: F401

# For the boot log.
FRAME_ALLOCATOR_NAME: Final = "bitmap"

"""The frame allocator the kernel is built with.

Both frame allocators (``frames_bitmap``, ``frames_list``) have the same
methods (see ``kernel.mm.frames``).  Code that takes frames from whichever
the kernel uses, such as the page-table code, names the type
``FrameAllocator`` from here.  This module is the one place that chooses:
a build can point the module name ``kernel.mm.frame_allocator`` at a file
that imports the other design (the compiler's module aliases), and under
CPython either allocator may be passed, since both have the same methods.
"""

from typing import Final

from kernel.mm.frames_bitmap import BitmapFrameAllocator as FrameAllocator  # noqa: F401

# For the boot log.
FRAME_ALLOCATOR_NAME: Final = "bitmap"

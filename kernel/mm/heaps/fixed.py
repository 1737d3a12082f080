"""``pythos build --heap=fixed``: compiled in place of ``kernel.mm.heap_allocator``."""

from typing import Final

from kernel.mm.heap_fixed import FixedHeap as KernelHeap  # noqa: F401

# For the boot log.
HEAP_NAME: Final = "fixed-size blocks"
# Whether freed memory is reused while other allocations live (not for bump).
REUSES_MEMORY: Final = True

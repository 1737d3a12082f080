"""``pythos build --heap=bump``: compiled in place of ``kernel.mm.heap_allocator``."""

from typing import Final

from kernel.mm.heap_bump import BumpHeap as KernelHeap  # noqa: F401

# For the boot log.
HEAP_NAME: Final = "bump"
# Whether freed memory is reused while other allocations live (not for bump).
REUSES_MEMORY: Final = False

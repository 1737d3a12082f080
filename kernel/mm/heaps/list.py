"""``pythos build --heap=list``: compiled in place of ``kernel.mm.heap_allocator``."""

from typing import Final

from kernel.mm.heap_list import ListHeap as KernelHeap  # noqa: F401

# For the boot log.
HEAP_NAME: Final = "linked list"
# Whether freed memory is reused while other allocations live (not for bump).
REUSES_MEMORY: Final = True

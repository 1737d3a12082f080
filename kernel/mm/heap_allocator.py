"""The heap design the kernel is built with.

All four heap designs (``heap_bump``, ``heap_list``, ``heap_fixed``,
``heap_buddy``) have the same methods and statistics (see
``kernel.mm.heap_api``).  Kernel code names the type ``KernelHeap`` from
here, and this module is the one place that chooses; a build picks
another design by pointing the module name ``kernel.mm.heap_allocator`` at
a file that imports it (the compiler's module aliases).

The default is the fixed-size block design: small allocations, which are
most of a kernel's, cost a list pop, larger ones go to the linked-list
allocator, and cached blocks are reclaimed when memory runs short.
"""

from typing import Final

from kernel.mm.heap_fixed import FixedHeap as KernelHeap  # noqa: F401

# For the boot log.
HEAP_NAME: Final = "fixed-size blocks"
# Whether freed memory is reused while other allocations live (not for bump).
REUSES_MEMORY: Final = True

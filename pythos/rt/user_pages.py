"""Which pages of a user program's heap are in use: the bookkeeping behind
the user platform's ``platform_alloc`` and ``platform_free`` (user.py).

A Pythos process has one heap, from the page after its program image up
to the *break*, which the ``brk`` system call moves (kernel/proc/brk.py:
pages above the break are unmapped and their frames freed at once).  The
object allocator (pythos/rt/alloc.py) asks its platform for runs of 4 to
32 KiB aligned to their own size and for large blocks, and gives them
back in any order, so a plain bump of the break would never return
anything.  This module keeps a bitmap with one bit per heap page, and
``user.py`` moves the break to follow it:

* **alloc** takes the first free stretch of pages below the break that
  is long enough and starts on the requested alignment (first fit);
  failing that, it places the block at the first aligned page of the free
  pages at the top of the heap, and the break grows to its end.
* **free** clears the block's bits, and the break comes down over every
  free page at the top (``free_tail``), so memory a program no longer
  uses goes back to the kernel as soon as nothing above it is in use.

Pages are counted from the heap's first page (``index``); alignment is
about the page's absolute number (``base_page + index``), since the heap
need not start on a 32 KiB boundary.  The heap is at most ``MAX_PAGES``
pages, the kernel's limit of 64 MiB.  Finding a stretch is a walk over
the bits, linear in the heap's size: a few thousand steps for a heap of
megabytes, small beside what a run then serves.

Pure logic over a struct: host tests drive it under CPython with a model
(tests/user/test_user_pages.py).
"""

from typing import Final

from pythos.lang import Array, struct, u64

# The kernel's heap limit (64 MiB) in pages, and the bitmap's words.
MAX_PAGES: Final = u64(16384)
NO_PAGE: Final = u64(0xFFFFFFFFFFFFFFFF)


@struct
class PageMap:
    used: Array[u64, 256]  # bit i: heap page i is part of a live block
    top: u64  # pages below the break


def is_used(pages: PageMap, index: u64) -> bool:
    return (pages.used[index >> 6] >> (index & 63)) & 1 != 0


def mark(pages: PageMap, index: u64, count: u64, used: bool) -> None:
    """Set (``used``) or clear the bits of ``count`` pages from ``index``."""
    for i in range(index, index + count):
        bit = u64(1) << (i & 63)
        if used:
            pages.used[i >> 6] |= bit
        else:
            pages.used[i >> 6] &= ~bit


def first_aligned(base_page: u64, index: u64, align_pages: u64) -> u64:
    """The first index at or above ``index`` whose absolute page number is
    a multiple of ``align_pages`` (a power of two)."""
    absolute = (base_page + index + align_pages - 1) & ~(align_pages - 1)
    return absolute - base_page


def free_tail(pages: PageMap) -> u64:
    """The lowest index from which every page up to the break is free."""
    index = pages.top
    while index > 0 and not is_used(pages, index - 1):
        index -= 1
    return index


def place(pages: PageMap, base_page: u64, count: u64, align_pages: u64) -> u64:
    """Where ``count`` pages aligned to ``align_pages`` go: an index whose
    pages are all free, below the break if a stretch there fits (the caller
    moves the break up to the end otherwise), or NO_PAGE when the heap
    would pass MAX_PAGES."""
    index = first_aligned(base_page, u64(0), align_pages)
    while index + count <= pages.top:
        clash = index
        while clash < index + count and not is_used(pages, clash):
            clash += 1
        if clash == index + count:
            return index
        index = first_aligned(base_page, clash + 1, align_pages)
    index = first_aligned(base_page, free_tail(pages), align_pages)
    if index + count > MAX_PAGES:
        return NO_PAGE
    return index

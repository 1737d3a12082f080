"""The user platform's heap bookkeeping (pythos/rt/user_pages.py), against
a model: random allocations and frees of runs and large blocks, with the
alignments the object allocator asks for, as user.py drives it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import pythos.rt.user_pages as up
from pythos.lang import u64

SIZES = st.sampled_from([1, 4096, 4097, 8192, 16384, 32768, 40000, 100_000])
ALIGNS = st.sampled_from([16, 4096, 8192, 16384, 32768])


def alloc(pages: up.PageMap, base: int, size: int, align: int) -> int | None:
    count = max((size + 4095) // 4096, 1)
    align_pages = align // 4096 if align > 4096 else 1
    index = int(up.place(pages, u64(base), u64(count), u64(align_pages)))
    if index == int(up.NO_PAGE):
        return None
    if index + count > int(pages.top):
        pages.top = u64(index + count)
    up.mark(pages, u64(index), u64(count), True)
    return index


def free(pages: up.PageMap, index: int, count: int) -> None:
    up.mark(pages, u64(index), u64(count), False)
    pages.top = up.free_tail(pages)


@settings(max_examples=150)
@given(base=st.integers(0x403, 0x500),
       operations=st.lists(st.tuples(st.booleans(), SIZES, ALIGNS, st.integers(0, 1000)),
                           max_size=120))
def test_blocks_are_aligned_disjoint_and_the_break_follows_the_last_one(base, operations):
    pages = up.PageMap()
    live: dict[int, int] = {}  # index -> page count
    for allocate, size, align, pick in operations:
        if allocate or not live:
            index = alloc(pages, base, size, align)
            assert index is not None
            count = max((size + 4095) // 4096, 1)
            assert ((base + index) * 4096) % align == 0
            for other, other_count in live.items():
                assert index + count <= other or other + other_count <= index
            live[index] = count
        else:
            index = sorted(live)[pick % len(live)]
            free(pages, index, live.pop(index))
        used = {i for start, n in live.items() for i in range(start, start + n)}
        assert int(pages.top) == (max(used) + 1 if used else 0)
        assert all(up.is_used(pages, u64(i)) == (i in used) for i in range(int(pages.top) + 8))


def test_a_freed_stretch_is_used_again_before_the_heap_grows():
    pages = up.PageMap()
    a = alloc(pages, 0x400, 8192, 4096)
    b = alloc(pages, 0x400, 4096, 4096)
    assert (a, b, int(pages.top)) == (0, 2, 3)
    free(pages, a, 2)
    assert int(pages.top) == 3
    assert alloc(pages, 0x400, 4096, 4096) == 0
    assert alloc(pages, 0x400, 4096, 4096) == 1
    assert int(pages.top) == 3
    # 32 KiB-aligned: the first page whose number is a multiple of 8.
    assert alloc(pages, 0x401, 32768, 32768) == 7
    assert int(pages.top) == 15


def test_the_heap_stops_at_the_kernels_limit():
    pages = up.PageMap()
    assert alloc(pages, 0, int(up.MAX_PAGES) * 4096, 4096) == 0
    assert alloc(pages, 0, 4096, 4096) is None

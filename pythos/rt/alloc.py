"""The object allocator: where every heap object of a program lives.

Instances, list storage, dict tables and str data are allocated with
``obj_alloc(size)`` and freed with ``obj_free(addr, size)``: the compiler
always knows an object's size when it frees it (a class instance's size is
a constant, a list's buffer size is its capacity), so no block carries a
header and a 32-byte object costs 32 bytes.  The same code serves Linux
programs and the kernel; only where *runs* of memory come from differs
(``platform_alloc``/``platform_free`` in ``pythos.rt.linux`` and
``pythos.rt.kernel``).  The design is explained in docs/memory.md,
"Objects: the runtime's allocator".

Small sizes (up to ``SMALL_LIMIT`` bytes) are rounded up to one of 28 size
classes: multiples of 8 up to 128, then four classes per doubling up to
1024 (less than 8 bytes of rounding up to 128, at most 25% above)::

    class   0   1   2   3   4 ...  14   15   16   17   18   19   20 ...   27
    block   8  16  24  32  40 ... 120  128  160  192  224  256  320 ... 1024

Every object is 8-byte aligned, and 16-byte aligned when its size is a
multiple of 16 (such a size always gets a class that is one too).  A
compiled object needs no more: its fields are at most 8 bytes wide.  An
object's header and fields come in 8-byte steps, so 16-byte classes alone
would waste 8 bytes on every object of 24, 40 or 56 bytes.

A class's blocks are cut from *runs*: a run is 4, 8, 16 or 32 KiB of
memory from the platform, aligned to its own size, that starts with a
``Run`` header and holds at least 31 blocks of one class (the header and
the tail cost at most 3.6% of a run)::

    run (aligned to its size)
    +--------+-------+-------+-------+-----    -+-------+------+
    | Run    | block | block | block |   ...    | block | tail |
    | header |       |       |       |          |       |      |
    +--------+-------+-------+-------+-----    -+-------+------+
    ^ addr & ~(run size - 1) finds the header from any block

Each class has one *current* run.  Its free blocks are on the class's
list ``free_head[c]``, linked through their first word, and that list is
the fast path: allocating pops it, freeing a block of the current run
pushes it.  Neither loops nor locks (objects are never allocated in
interrupt context).  A block of another run goes back on that run's own
list, and its ``used`` count drops, inline too while the run stays on
the list it is on; a run that was full joins its class's *partial* list
(out of line), which the slow path takes runs from before it asks the
platform for a new one.  A run whose count reaches zero is
kept as a *spare* while the spares of all classes together hold no more
bytes than the live objects do (and a class's first spare is always
kept); otherwise it goes straight back to the platform.  The current run
is never returned, so one object allocated and freed over and over does
not make the allocator ask for and return a run each time.  Returning
empty runs keeps the footprint near the memory really in use when a
program's mix of sizes changes, which is what heap efficiency measures;
the spares keep a program that tears a structure down and builds it
again (a loop over rounds, a tree dropped while another lives) from
paying the platform for fresh pages each round: on Linux a run is an
``mmap`` and ``munmap`` and a page fault per page.

Sizes above ``SMALL_LIMIT`` go to the platform directly: the kernel heap's
``alloc`` in the kernel, ``mmap`` (whole pages) in a Linux program.  Where
the platform's granule is a page, a freed large block of up to
``LARGE_SPARES`` granules (64 KiB) is kept as a *large spare* instead,
on a list per granule count, under the spare runs' budget plus
``LARGE_SPARE_SLACK`` (the first of each count always kept), and the
next request of that many granules takes it back.  A list that grows past 128 items, or a str
built from a few thousand characters, otherwise costs an ``mmap``, a
``munmap`` and a page fault per page every time: the calc benchmark made
6,400 of each and spent 30% of its time in the Linux kernel.  The
kernel's heap has a 16-byte granule, so every large block there is more
than ``LARGE_SPARES`` granules and none is kept: its ``alloc`` is cheap.
A large block is taken from and given back to the platform with its
footprint as the size, so that a spare can serve any request of the same
granule count.

Statistics (``ObjectStats``, ``obj_stats``) count what callers asked for
(``in_use``, exact, so a test can check that a program ends with nothing
live), its ``peak``, the ``footprint`` (bytes taken from the platform and
not given back) and the footprint at the moment of the peak.  Heap
efficiency is ``peak / footprint_at_peak``.
"""

from typing import Final

from pythos.lang import Array, Ptr, export, i32, panic, struct, u8, u64
from pythos.rt.mem import memcpy, memset
from pythos.rt.platform import PLATFORM_GRANULE, platform_alloc, platform_free

# The largest size served from size classes; larger ones go to the platform.
SMALL_LIMIT: Final = u64(1024)
CLASSES: Final = 28
# Large blocks are 16-byte aligned, as are small ones whose size is a
# multiple of 16 (the run header's size keeps them so).
ALIGNMENT: Final = u64(16)
# The class of a request of ``g`` granules of 8 bytes (``(size + 7) >> 3``,
# 0 to 128).
CLASS_OF_GRANULES: Final = (
    b"\x01\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e"
    b"\x0f\x10\x10\x10\x10\x11\x11\x11\x11\x12\x12\x12\x12\x13\x13\x13"
    b"\x13\x14\x14\x14\x14\x14\x14\x14\x14\x15\x15\x15\x15\x15\x15\x15"
    b"\x15\x16\x16\x16\x16\x16\x16\x16\x16\x17\x17\x17\x17\x17\x17\x17"
    b"\x17\x18\x18\x18\x18\x18\x18\x18\x18\x18\x18\x18\x18\x18\x18\x18"
    b"\x18\x19\x19\x19\x19\x19\x19\x19\x19\x19\x19\x19\x19\x19\x19\x19"
    b"\x19\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a\x1a"
    b"\x1a\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b"
    b"\x1b")
# Each class's block size in 8-byte granules: 8 to 128 bytes in steps of
# 8, then four steps per doubling (160, 192, 224, 256, 320 ... 1024).
BLOCK_GRANULES: Final = (b"\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e"
                         b"\x0f\x10\x14\x18\x1c\x20\x28\x30\x38\x40\x50\x60\x70\x80")
# log2 of each class's run size: 4 KiB up to 128-byte blocks, then 8, 16
# and 32 KiB, so that every run holds at least 31 blocks.
RUN_SHIFT: Final = (b"\x0c\x0c\x0c\x0c\x0c\x0c\x0c\x0c\x0c\x0c\x0c\x0c\x0c\x0c"
                    b"\x0c\x0c\x0d\x0d\x0d\x0d\x0e\x0e\x0e\x0e\x0f\x0f\x0f\x0f")
# The end of a block list or run list.
NONE: Final = u64(0)
# Freed large blocks of up to this many platform granules are kept for
# reuse (only where a granule is a page: see the module docstring).
LARGE_SPARES: Final = 16
# How many bytes of large spares may be kept beyond the live bytes.
LARGE_SPARE_SLACK: Final = u64(64 * 1024)


@struct
class Run:
    """The header at the start of every run (48 bytes, so blocks stay 16-aligned)."""

    free: u64  # first block on this run's own free list (empty while current)
    used: u64  # blocks not on the run's own list: handed out, or in free_head
    next: u64  # the next run on the class's partial list
    prev: u64  # the previous run on it, or NONE for the first
    size_class: u64  # which class's blocks the run holds
    capacity: u64  # how many blocks it holds


RUN_HEADER: Final = u64(48)


@struct
class ObjectStats:
    """What the object allocator has handed out and what it holds (bytes)."""

    in_use: u64  # bytes callers asked for, of the objects live now
    peak: u64  # the most ``in_use`` has been
    footprint: u64  # bytes held from the platform now: runs and large blocks
    footprint_at_peak: u64  # ``footprint`` when ``peak`` was reached
    peak_footprint: u64  # the most ``footprint`` has been
    live: u64  # objects allocated and not freed
    runs: u64  # runs held now
    large: u64  # live objects above SMALL_LIMIT, each its own platform block


# The fast path's state, per class.  Invariant: ``free_head[c]`` holds
# only blocks of ``current[c]``; they count in that run's ``used``.
free_head = Array[u64, 28]()
current = Array[u64, 28]()
# Each class's run size less one, set whenever a run of it becomes current.
run_low = Array[u64, 28]()
# The first run of each class's partial list: runs, other than the
# current one, with blocks on their own free list.
partial = Array[u64, 28]()
# Each class's empty runs, kept for the next round (linked through their
# headers' ``next``): a program that frees a structure and builds it
# again reuses them instead of asking the platform for fresh, zeroed
# pages each time.  They count in the footprint; ``obj_trim`` gives them
# back.  ``spare_bytes`` is their total over all classes.
spare = Array[u64, 28]()
spare_bytes: u64 = u64(0)
# Freed large blocks kept for reuse: ``large_spare[g - 1]`` lists those of
# ``g`` granules, linked through their first word.  Their bytes count in
# ``spare_bytes`` and in the footprint.
large_spare = Array[u64, 16]()
# ``ceil(2**64 / b)`` for a class of ``b``-byte blocks: the free path's
# block-boundary check multiplies by it instead of dividing (see
# ``on_block_boundary``).  Set when a run of the class is made: a block
# can only be freed into a class that has had one.
block_magic = Array[u64, 28]()
stats = ObjectStats()


def class_of(size: u64) -> u64:
    """The size class of a small request (``size <= SMALL_LIMIT``)."""
    return u64(CLASS_OF_GRANULES[(size + 7) >> 3])


def block_size(size_class: u64) -> u64:
    """The bytes in each block of ``size_class``."""
    return u64(BLOCK_GRANULES[size_class]) << 3


def run_size(size_class: u64) -> u64:
    return u64(1) << u64(RUN_SHIFT[size_class])


def run_of(block: u64, size_class: u64) -> u64:
    """The run a block of ``size_class`` lies in: its address, rounded down."""
    return block & ~((u64(1) << u64(RUN_SHIFT[size_class])) - 1)


def link(block: u64) -> Ptr[u64]:
    """The word at the start of a free block that links it to the next.

    Safety: ``block`` must be a free block the allocator owns.
    """
    return Ptr[u64](block)


def header(run: u64) -> Ptr[Run]:
    """The header of a run (``header(run)[0].used``).

    Safety: ``run`` must be the start of a run the allocator holds.
    """
    return Ptr[Run](run)


def note_alloc(size: u64) -> None:
    stats.in_use += size
    stats.live += 1
    if stats.in_use > stats.peak:
        stats.peak = stats.in_use
        stats.footprint_at_peak = stats.footprint


def note_free(size: u64) -> None:
    # An object has a header, so its size is never 0, and while `in_use`
    # covers `size`, `live` is not 0 either: one compare checks both.
    if size > stats.in_use:
        freed_too_much(size)
    stats.in_use -= size
    stats.live -= 1


@export("pythos_obj_freed_too_much")
def freed_too_much(size: u64) -> None:
    """The report for a free the statistics cannot account for (out of
    line, so that the check costs the fast path only a compare)."""
    panic(f"object allocator: freeing {size} bytes, but only {stats.in_use} bytes "
          f"in {stats.live} objects are allocated")


def obj_alloc(size: u64) -> u64:
    """The address of ``size`` fresh bytes (never 0): 8-byte aligned, and
    16-byte aligned if ``size`` is a multiple of 16.

    Panics when memory is out, as CPython raises ``MemoryError``.  The
    fast path only: small enough to be inlined where objects are made.
    """
    if size <= SMALL_LIMIT:
        size_class = class_of(size)
        block = free_head[size_class]
        if block != NONE:
            free_head[size_class] = link(block)[0]
            note_alloc(size)
            return block
    return obj_alloc_slow(size)


def obj_free(addr: u64, size: u64) -> None:
    """Give back an object, with the size it was allocated with
    (``free_block``, which the release loop inlines)."""
    free_block(addr, size)


def free_block(addr: u64, size: u64) -> None:
    """``obj_free``: the fast paths only, inlined into the release loop
    (pythos/lower/inlining.py), where nearly every object is freed.

    A block of its class's current run goes back on the fast path's
    list.  ``addr`` is in the current run exactly when it differs from
    the run's (size-aligned) address only in the bits below the run
    size, ``run_low``; with no current run (``current`` is 0) no object
    address passes that test.  ``run_low`` also gives any block's run:
    it is set when the class's first run is made, and a run size is a
    class's for good.  A block of another run goes on that run's own
    list when the run already has free blocks there and keeps one in
    use, so that it stays on the partial list: after the checks
    ``free_to_run`` makes (the run's class, the block boundary), a push
    and a decrement.  The rest (a full run, the last block of one, a
    large size) is ``obj_free_slow``.  Tearing a structure down frees
    most of its blocks outside the current run.
    """
    if size <= SMALL_LIMIT:
        size_class = class_of(size)
        low = run_low[size_class]
        if addr ^ current[size_class] <= low:
            link(addr)[0] = free_head[size_class]
            free_head[size_class] = addr
            note_free(size)
            return
        run = addr & ~low
        h = header(run)
        first = h[0].free
        if (first != NONE and h[0].used > 1 and h[0].size_class == size_class
                and on_block_boundary(addr - run, size_class)):
            link(addr)[0] = first
            h[0].free = addr
            h[0].used -= 1
            note_free(size)
            return
    obj_free_slow(addr, size)


# The slow paths are exported: LLVM then keeps them out of line (an
# internal function called once would be inlined into its caller), so
# that ``obj_alloc`` and ``obj_free`` stay small enough to inline.

@export("pythos_obj_alloc_slow")
def obj_alloc_slow(size: u64) -> u64:
    """``obj_alloc`` when the class's current run has no free block, or a large size."""
    if size > SMALL_LIMIT:
        return alloc_large(size)
    block = next_run_block(class_of(size))
    note_alloc(size)
    return block


@export("pythos_obj_free_slow")
def obj_free_slow(addr: u64, size: u64) -> None:
    """``obj_free`` of a block into a full run, or of the last block in
    use of a run, or of a large size (or a bad free, which panics)."""
    if size > SMALL_LIMIT:
        free_large(addr, size)
        return
    size_class = class_of(size)
    free_to_run(addr, run_of(addr, size_class), size_class)
    note_free(size)


def obj_alloc_zeroed(size: u64) -> u64:
    """``obj_alloc``, with every byte zero."""
    addr = obj_alloc(size)
    memset(Ptr[u8](addr), i32(0), size)
    return addr


def obj_resize_in_place(old_size: u64, new_size: u64) -> bool:
    """Whether an allocation of ``old_size`` bytes can be ``new_size`` bytes
    long where it is: both sizes are small and of one class, so its block
    already has the room.  If so, the statistics now count the new size.
    (A str that grows in place uses this: pythos/rt/obj/str.py.)
    """
    if (old_size <= SMALL_LIMIT and new_size <= SMALL_LIMIT
            and class_of(old_size) == class_of(new_size)):
        note_free(old_size)
        note_alloc(new_size)
        return True
    return False


def obj_realloc(addr: u64, old_size: u64, new_size: u64) -> u64:
    """Make an allocation ``new_size`` bytes long (a growing list's buffer).

    It stays where it is when both sizes are in the same class; otherwise
    its first ``min(old_size, new_size)`` bytes move to a new block and
    the old one is freed.  The new address.
    """
    if obj_resize_in_place(old_size, new_size):
        return addr
    moved = obj_alloc(new_size)
    keep = old_size if old_size < new_size else new_size
    memcpy(Ptr[u8](moved), Ptr[u8](addr), keep)
    obj_free(addr, old_size)
    return moved


def obj_stats() -> ObjectStats:
    """A copy of the statistics as they are now."""
    return ObjectStats(stats.in_use, stats.peak, stats.footprint, stats.footprint_at_peak,
                       stats.peak_footprint, stats.live, stats.runs, stats.large)


def obj_trim() -> u64:
    """Give every spare run and large spare, and every current run that holds no live
    object, back to the platform.

    Freeing never returns a current run and keeps spares (see the module
    docstring), so after a program or test has freed everything, runs are
    still held.  A leak check that wants memory back at its baseline
    calls this first.  Walks each class's fast-path list once; the bytes
    returned.
    """
    global spare_bytes
    spare_bytes = u64(0)
    returned = u64(0)
    for index in range(u64(LARGE_SPARES)):
        while large_spare[index] != NONE:
            block = large_spare[index]
            large_spare[index] = link(block)[0]
            footprint = (index + 1) * PLATFORM_GRANULE
            platform_free(block, footprint, ALIGNMENT)
            note_footprint(footprint, False)
            returned += footprint
    for index in range(u64(CLASSES)):
        while spare[index] != NONE:
            run = spare[index]
            spare[index] = header(run)[0].next
            release_run(run, index)
            returned += run_size(index)
        run = current[index]
        if run == NONE:
            continue
        waiting = u64(0)
        block = free_head[index]
        while block != NONE:
            waiting += 1
            block = link(block)[0]
        if waiting == header(run)[0].used:
            current[index] = NONE
            free_head[index] = NONE
            release_run(run, index)
            returned += run_size(index)
    return returned


def obj_reset_peak() -> None:
    """Start measuring the peak (and the footprint at it) from now."""
    stats.peak = stats.in_use
    stats.footprint_at_peak = stats.footprint
    stats.peak_footprint = stats.footprint


# --- the slow paths ---------------------------------------------------------

def next_run_block(size_class: u64) -> u64:
    """A block of ``size_class`` when its current run has none left.

    The exhausted run (every block handed out) leaves the fast path and
    belongs to no list until one of its blocks is freed.  The next current
    run is the first partial run of the class, or a new one.
    """
    run = partial[size_class]
    if run != NONE:
        unlink_partial(run, size_class)
    elif spare[size_class] != NONE:
        run = take_spare(size_class)
    else:
        run = new_run(size_class)
    current[size_class] = run
    run_low[size_class] = run_size(size_class) - 1
    # The run's free blocks become the fast path's; they count as used by
    # the run until they come back to it, which only happens through the
    # fast path while the run is current.
    h = header(run)[0]
    block = h.free
    h.free = NONE
    h.used = h.capacity
    free_head[size_class] = link(block)[0]
    return block


def new_run(size_class: u64) -> u64:
    """A run from the platform, all its blocks on its own free list."""
    size = run_size(size_class)
    run = platform_alloc(size, size)
    if run == 0:
        panic(f"out of memory: no {size}-byte run for {block_size(size_class)}-byte objects "
              f"({stats.in_use} bytes in {stats.live} objects live)")
    if run & (size - 1) != 0:
        panic(f"object allocator: the platform gave a run at {run:#x}, not {size}-aligned")
    note_footprint(size, True)
    stats.runs += 1
    block = block_size(size_class)
    block_magic[size_class] = u64(0xFFFF_FFFF_FFFF_FFFF) // block + 1
    count = (size - RUN_HEADER) // block
    h = header(run)[0]
    h.size_class = size_class
    h.capacity = count
    h.used = u64(0)
    h.next = NONE
    h.prev = NONE
    # Link the blocks in address order, so that a new run hands them out
    # from its start.
    first = run + RUN_HEADER
    address = first
    for _ in range(count - 1):
        link(address)[0] = address + block
        address += block
    link(address)[0] = NONE
    h.free = first
    return run


def free_to_run(addr: u64, run: u64, size_class: u64) -> None:
    """Free a block that is not in its class's current run."""
    h = header(run)[0]
    if h.size_class != size_class or not on_block_boundary(addr - run, size_class):
        panic(f"object allocator: freeing {addr:#x} as a {block_size(size_class)}-byte "
              f"object, which it is not")
    was_full = h.free == NONE
    link(addr)[0] = h.free
    h.free = addr
    h.used -= 1
    if h.used == 0:
        # Empty: a spare while the spares hold no more than the live
        # objects (see the module docstring), else back to the platform.
        # It was on the partial list, unless it held a single block.
        if not was_full:
            unlink_partial(run, size_class)
        if spare[size_class] == NONE or spare_bytes + run_size(size_class) <= stats.in_use:
            keep_spare(run, size_class)
        else:
            release_run(run, size_class)
    elif was_full:
        push_partial(run, size_class)


def on_block_boundary(offset: u64, size_class: u64) -> bool:
    """Whether ``offset`` bytes into a run of ``size_class`` is where one
    of its blocks starts.

    A division by the block size would tell, but it costs 25 cycles or
    more on every free outside the current run (a third of that path's
    time in binary_trees).  With ``c = ceil(2**64 / b)`` for blocks of
    ``b`` bytes, a 32-bit ``n`` is a multiple of ``b`` exactly when
    ``n * c``, wrapped to 64 bits, is below ``c`` (Lemire, Kaser and
    Kurz, "Faster remainder by direct computation", 2019): a multiply
    and a compare.  ``n`` is the offset past the run header, below 32 KiB
    (a run's largest size); an offset inside the header wraps to a huge
    ``n`` and fails that test.
    """
    n = offset - RUN_HEADER
    magic = block_magic[size_class]
    return n < u64(32768) and n * magic < magic


def keep_spare(run: u64, size_class: u64) -> None:
    global spare_bytes
    header(run)[0].next = spare[size_class]
    spare[size_class] = run
    spare_bytes += run_size(size_class)


def take_spare(size_class: u64) -> u64:
    global spare_bytes
    run = spare[size_class]
    h = header(run)[0]
    spare[size_class] = h.next
    h.next = NONE
    spare_bytes -= run_size(size_class)
    return run


def push_partial(run: u64, size_class: u64) -> None:
    h = header(run)[0]
    h.prev = NONE
    h.next = partial[size_class]
    if h.next != NONE:
        header(h.next)[0].prev = run
    partial[size_class] = run


def unlink_partial(run: u64, size_class: u64) -> None:
    h = header(run)[0]
    if h.prev == NONE:
        partial[size_class] = h.next
    else:
        header(h.prev)[0].next = h.next
    if h.next != NONE:
        header(h.next)[0].prev = h.prev
    h.next = NONE
    h.prev = NONE


def release_run(run: u64, size_class: u64) -> None:
    size = run_size(size_class)
    platform_free(run, size, size)
    note_footprint(size, False)
    stats.runs -= 1


def large_footprint(size: u64) -> u64:
    """What a large block of ``size`` bytes takes from the platform."""
    return (size + PLATFORM_GRANULE - 1) & ~(PLATFORM_GRANULE - 1)


def large_granules(footprint: u64) -> u64:
    """How many platform granules a large block's footprint is."""
    return footprint // PLATFORM_GRANULE


def alloc_large(size: u64) -> u64:
    global spare_bytes
    footprint = large_footprint(size)
    granules = large_granules(footprint)
    if granules <= u64(LARGE_SPARES) and large_spare[granules - 1] != NONE:
        addr = large_spare[granules - 1]
        large_spare[granules - 1] = link(addr)[0]
        spare_bytes -= footprint
    else:
        addr = platform_alloc(footprint, ALIGNMENT)
        if addr == 0:
            panic(f"out of memory: no {size} bytes for an object "
                  f"({stats.in_use} bytes in {stats.live} objects live)")
        note_footprint(footprint, True)
    stats.large += 1
    note_alloc(size)
    return addr


def free_large(addr: u64, size: u64) -> None:
    global spare_bytes
    note_free(size)
    stats.large -= 1
    footprint = large_footprint(size)
    granules = large_granules(footprint)
    # Kept as a spare under the spare runs' budget (free_to_run), plus a
    # little slack: a program often frees two or three large blocks in a
    # row while little else is live (a token list, the text it came from).
    budget = stats.in_use + LARGE_SPARE_SLACK
    if granules <= u64(LARGE_SPARES) and (large_spare[granules - 1] == NONE
                                          or spare_bytes + footprint <= budget):
        link(addr)[0] = large_spare[granules - 1]
        large_spare[granules - 1] = addr
        spare_bytes += footprint
        return
    platform_free(addr, footprint, ALIGNMENT)
    note_footprint(footprint, False)


def note_footprint(size: u64, taken: bool) -> None:
    if taken:
        stats.footprint += size
        if stats.footprint > stats.peak_footprint:
            stats.peak_footprint = stats.footprint
    else:
        stats.footprint -= size

"""The object allocator's benchmark: the cost of a pair, and heap efficiency.

``heapbench.run`` (``bench=heap`` on the command line) calls ``run``
first.  Two measurements, both through ``pythos.rt.alloc`` on the kernel
heap, the same on every run and for every ``--heap`` design:

*The pair.*  With interrupts off, ``PAIRS`` times: allocate a 48-byte
object into one of 64 slots and free the object that was there, each call
timed with ``rdtsc`` (under ``-icount`` exact guest instructions, each
window including the reading of the counter).  Every object goes through
a slot in a global array, so the compiler cannot pair an allocation with
its free and fold both away.  Then the same with sizes drawn from 16 to
256 bytes and 4096 slots, so that runs fill, go partial and empty: the
slow paths, amortised.

*Heap efficiency*, the figure allocator papers use: the peak of the bytes
live objects asked for, over the footprint at that peak.  The workload is
shaped like compiled Python: a binary search tree of 48-byte nodes (a
16-byte object header, two children, a key and a name), each with a name
string (a 32-byte str header and 1-48 bytes of text, short ones more
common), an instance of 1 to 5 fields (24-56 bytes), every fourth a list
(a 40-byte object) whose 8-byte item buffer starts at 4 items and doubles
as it grows to 1-16 items, every 64th to 64-319 (past the small limit
from 129 on), and a short-lived formatted string per insertion.  10,000
nodes go in, a random half come out, 6,000 more with names of 8-200
bytes and lists of up to 40 items go in, and the tree is torn down.  Small
objects make up most of the peak, as they do in Python programs (the
first version of this workload had lists ten times longer: large buffers
were two thirds of the peak, and hid what small objects cost).  Two footprints:
the object allocator's (the runs and large blocks it holds) and the
kernel heap's (its size less its free bytes, which adds what each design
loses to rounding and alignment), both at the moment of the peak.
"""

from typing import Final

import kernel.arch.x86_64.irqflags as irqflags
import kernel.mm.heap as heap
import kernel.mm.objcost as objcost
from kernel.xorshift import xorshift64
from pythos.lang import Array, Ptr, rdtsc, u64
from pythos.rt.alloc import (
    obj_alloc,
    obj_alloc_zeroed,
    obj_free,
    obj_realloc,
    obj_reset_peak,
    obj_stats,
    obj_trim,
)

PAIRS: Final = 4096
MIXED_PAIRS: Final = 40000
SLOTS: Final = 4096
FIRST_NODES: Final = 10000
MORE_NODES: Final = 6000
MAX_NODES: Final = 16384

# Node layout, in 8-byte words (word 0 and 1 stand for the object header).
NODE_SIZE: Final = u64(48)
LEFT: Final = 2
RIGHT: Final = 3
KEY: Final = 4
NAME: Final = 5
# The node's other objects, kept beside it (a real node would hold
# them in fields; the benchmark needs their sizes to free them).
STR_HEADER: Final = u64(32)
LIST_HEADER: Final = u64(40)

slot_addr = Array[u64, 4096]()
slot_size = Array[u64, 4096]()
nodes = Array[u64, 16384]()
name_size = Array[u64, 16384]()
extra_addr = Array[u64, 16384]()
extra_size = Array[u64, 16384]()
list_addr = Array[u64, 16384]()
buffer_addr = Array[u64, 16384]()
buffer_size = Array[u64, 16384]()
node_count: u64 = u64(0)
root: u64 = u64(0)
rng_state: u64 = u64(0x2545F4914F6CDD1D)
heap_base: u64 = u64(0)
heap_at_peak: u64 = u64(0)
# The object allocator's bytes in use and footprint when the workload
# starts (efficiency_workload).
in_use_before: u64 = u64(0)
footprint_before: u64 = u64(0)
seen_peak: u64 = u64(0)


def random() -> u64:
    """The next number of this module's xorshift64 sequence."""
    global rng_state
    rng_state = xorshift64(rng_state)
    return rng_state


def heap_held() -> u64:
    """Bytes of the kernel heap that are not free: in use, or lost to rounding."""
    stats = heap.stats()
    return stats.heap_size - stats.bytes_free


def watch_peak() -> None:
    """Note the kernel heap's footprint whenever the objects' peak rises."""
    global seen_peak, heap_at_peak
    peak = obj_stats().peak
    if peak > seen_peak:
        seen_peak = peak
        heap_at_peak = heap_held() - heap_base


def pair_cost(mixed: bool) -> u64:
    """Instructions per allocate+free pair, averaged (see the module docstring)."""
    count = u64(PAIRS)
    slots = u64(64)
    if mixed:
        count = u64(MIXED_PAIRS)
        slots = u64(SLOTS)
    for i in range(slots):
        slot_addr[i] = obj_alloc(u64(48))
        slot_size[i] = u64(48)
    cost = u64(0)
    for i in range(count):
        slot = i % slots
        size = u64(48)
        if mixed:
            r = random()
            slot = r % slots
            size = u64(16) + (r >> 20) % 241
        start = rdtsc()
        address = obj_alloc(size)
        cost += rdtsc() - start
        old = slot_addr[slot]
        old_size = slot_size[slot]
        slot_addr[slot] = address
        slot_size[slot] = size
        start = rdtsc()
        obj_free(old, old_size)
        cost += rdtsc() - start
    for i in range(slots):
        obj_free(slot_addr[i], slot_size[i])
    return cost // count


def empty_window() -> u64:
    """What a timing window costs with nothing in it: the pair's figure
    includes two of these."""
    cost = u64(0)
    for _ in range(PAIRS):
        start = rdtsc()
        cost += rdtsc() - start
    return cost // PAIRS


def new_string(length: u64) -> u64:
    """A str object of ``length`` bytes of text; its size is STR_HEADER + length."""
    address = obj_alloc(STR_HEADER + length)
    Ptr[u64](address)[2] = length
    return address


def name_length(long_names: bool) -> u64:
    """Mostly short names, as identifiers and dictionary keys are."""
    r = random()
    if long_names:
        return u64(8) + r % 193
    if r % 4 != 0:
        return u64(1) + (r >> 8) % 16
    return u64(1) + (r >> 8) % 48


def grow_list(index: u64, items: u64) -> None:
    """A list object and its item buffer, appended to ``items`` times; the
    buffer starts at 4 items and doubles when full, as CPython's roughly does."""
    list_addr[index] = obj_alloc_zeroed(LIST_HEADER)
    capacity = u64(4)
    buffer = obj_alloc(capacity * 8)
    for i in range(items):
        if i == capacity:
            buffer = obj_realloc(buffer, capacity * 8, capacity * 16)
            capacity *= 2
        Ptr[u64](buffer)[i] = i
        watch_peak()
    buffer_addr[index] = buffer
    buffer_size[index] = capacity * 8


def insert(key: u64, long_names: bool) -> None:
    """Add a node and its objects to the tree."""
    global node_count, root
    index = node_count
    node_count += 1
    node = obj_alloc_zeroed(NODE_SIZE)
    Ptr[u64](node)[KEY] = key
    nodes[index] = node
    length = name_length(long_names)
    Ptr[u64](node)[NAME] = new_string(length)
    name_size[index] = STR_HEADER + length
    # A formatted message about the node, printed and dropped at once.
    scratch = STR_HEADER + 16 + random() % 40
    obj_free(obj_alloc(scratch), scratch)
    extra_size[index] = u64(16) + (u64(1) + random() % 5) * 8
    extra_addr[index] = obj_alloc_zeroed(extra_size[index])
    list_addr[index] = u64(0)
    r = random()
    if r % 64 == 0:
        grow_list(index, u64(64) + (r >> 8) % 256)
    elif r % 4 == 0:
        limit = u64(16)
        if long_names:
            limit = u64(40)
        grow_list(index, u64(1) + (r >> 8) % limit)
    watch_peak()
    if root == 0:
        root = node
        return
    parent = root
    while True:
        side = LEFT if key < Ptr[u64](parent)[KEY] else RIGHT
        child = Ptr[u64](parent)[side]
        if child == 0:
            Ptr[u64](parent)[side] = node
            return
        parent = child


def drop(index: u64) -> None:
    """Free a node's objects (the tree is rebuilt after a round of drops)."""
    node = nodes[index]
    obj_free(Ptr[u64](node)[NAME], name_size[index])
    obj_free(node, NODE_SIZE)
    obj_free(extra_addr[index], extra_size[index])
    if list_addr[index] != 0:
        obj_free(buffer_addr[index], buffer_size[index])
        obj_free(list_addr[index], LIST_HEADER)
    nodes[index] = u64(0)


def relink() -> None:
    """Rebuild the tree from the nodes still there, packed to the front."""
    global node_count, root
    kept = u64(0)
    root = u64(0)
    for i in range(node_count):
        if nodes[i] != 0:
            nodes[kept] = nodes[i]
            name_size[kept] = name_size[i]
            extra_addr[kept] = extra_addr[i]
            extra_size[kept] = extra_size[i]
            list_addr[kept] = list_addr[i]
            buffer_addr[kept] = buffer_addr[i]
            buffer_size[kept] = buffer_size[i]
            kept += 1
    node_count = kept
    for i in range(kept):
        node = nodes[i]
        Ptr[u64](node)[LEFT] = u64(0)
        Ptr[u64](node)[RIGHT] = u64(0)
        if root == 0:
            root = node
            continue
        parent = root
        while True:
            side = LEFT if Ptr[u64](node)[KEY] < Ptr[u64](parent)[KEY] else RIGHT
            child = Ptr[u64](parent)[side]
            if child == 0:
                Ptr[u64](parent)[side] = node
                break
            parent = child


def efficiency_workload() -> None:
    """Run the tree workload; peak and footprints are in the statistics."""
    global node_count, root, heap_base, seen_peak, heap_at_peak
    global in_use_before, footprint_before
    obj_trim()
    obj_reset_peak()
    # What the kernel already holds (its command table, module objects):
    # not the workload's, so it is taken off both sides of the efficiency.
    in_use_before = obj_stats().in_use
    footprint_before = obj_stats().footprint
    node_count = u64(0)
    root = u64(0)
    heap_base = heap_held()
    seen_peak = u64(0)
    heap_at_peak = u64(0)
    for _ in range(FIRST_NODES):
        insert(random() % 1000000, False)
    for i in range(node_count):
        if random() % 2 == 0:
            drop(u64(i))
            watch_peak()
    relink()
    for _ in range(MORE_NODES):
        insert(random() % 1000000, True)
    for i in range(node_count):
        drop(u64(i))
    root = u64(0)
    node_count = u64(0)


def run() -> None:
    """Print ``bench: objects ...`` lines for bench/kernel.py."""
    # Objects the kernel keeps for good (the shell's command table, built
    # at start-up) were live before the benchmark and are not its own.
    live_before = obj_stats().live
    flags = irqflags.save_and_disable()
    window = empty_window()
    pair = pair_cost(False)
    mixed = pair_cost(True)
    efficiency_workload()
    irqflags.restore(flags)
    stats = obj_stats()
    print(f"bench: objects alloc+free pair {pair}")
    print(f"bench: objects alloc+free pair, mixed sizes {mixed}")
    print(f"bench: objects empty timing window {window}")
    peak = stats.peak - in_use_before  # the workload's own bytes at its peak
    print(f"bench: objects peak bytes {peak}")
    print(f"bench: objects footprint at peak {stats.footprint_at_peak - footprint_before}")
    print(f"bench: objects efficiency permille "
          f"{peak * 1000 // (stats.footprint_at_peak - footprint_before)}")
    print(f"bench: objects heap held at peak {heap_at_peak}")
    print(f"bench: objects heap efficiency permille {peak * 1000 // heap_at_peak}")
    print(f"bench: objects live at end {stats.live - live_before}")
    objcost.run()  # what compiled object code costs: kernel/mm/objcost.py

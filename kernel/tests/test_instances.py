"""In-kernel tests of compiled class instances on the kernel heap.

The same classes the compiler's differential programs check on Linux,
here allocated by the kernel's own allocator interface (whatever
`--heap=` design the kernel was built with): a chain of instances built,
walked through an overridden method and dropped must give every byte back,
and a 100,000-node chain (6 MiB of a 16 MiB heap) must free without
recursing on the 64 KiB kernel stack the tests run on (one frame per node
would need megabytes; the guard page below it would turn that into a
panic)."""

import kernel.mm.heap as heap
from pythos.rt.alloc import obj_stats, obj_trim


class Region:
    """A stand-in for what the kernel keeps lists of: a named span."""

    def __init__(self, name: str, start: int, size: int, next: "Region | None") -> None:
        self.name = name
        self.start = start
        self.size = size
        self.next = next

    def weight(self) -> int:
        return self.size


class Reserved(Region):
    def weight(self) -> int:
        return 0


def chain(count: int) -> Region | None:
    head: Region | None = None
    for i in range(count):
        if i % 4 == 0:
            head = Reserved("reserved", i * 4096, 4096, head)
        else:
            head = Region(f"region {i}", i * 4096, 4096, head)
    return head


def usable(head: Region | None) -> int:
    total = 0
    node = head
    while node is not None:
        total += node.weight()
        node = node.next
    return total


def test_instances_on_the_kernel_heap_all_go_back() -> None:
    obj_trim()
    live = obj_stats().live
    used = heap.stats().bytes_used
    regions = chain(2000)
    assert obj_stats().live > live, "the instances are on the object heap"
    assert usable(regions) == 1500 * 4096, "dispatch through the overriding method"
    assert regions is not None and len(regions.name) == len("region 1999")
    regions = None
    obj_trim()
    assert obj_stats().live == live, "every instance and its name was freed"
    assert heap.stats().bytes_used == used, "the kernel heap is back at its baseline"


def test_a_long_chain_of_instances_frees_without_recursion() -> None:
    obj_trim()
    used = heap.stats().bytes_used
    head: Region | None = None
    for i in range(100_000):
        head = Region("r", i, 1, head)
    assert usable(head) == 100_000
    head = None
    obj_trim()
    assert heap.stats().bytes_used == used

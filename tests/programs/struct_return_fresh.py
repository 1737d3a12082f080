"""Returning structs and arrays that only the caller can reach: a new one
from a constructor, a local built and filled in, another call's result, a
method's result.  Copying the result (compiled) and sharing it (CPython)
agree for all of these."""

from pythos.lang import Array, struct, u8, u32


@struct
class Stats:
    used: u32
    peak: u32


@struct
class Heap:
    stats: Stats
    blocks: Array[u32, 4]

    def snapshot(self) -> Stats:
        """A copy of the live counters, built from the fields."""
        return Stats(self.stats.used, self.stats.peak)

    def doubled(self) -> Stats:
        s = self.snapshot()
        s.used = s.used * 2
        return s

    def block_sizes(self) -> Array[u32, 4]:
        out = Array[u32, 4]()
        for i in range(4):
            out[i] = self.blocks[i]
        return out


heap = Heap()
latest = Stats()


def empty() -> Stats:
    return Stats()


def filled(used: u32) -> Stats:
    s = Stats()
    s.used = used
    if used > s.peak:
        s.peak = used
    return s


def via_call(used: u32) -> Stats:
    return filled(used + 1)


def chosen(big: bool) -> Stats:
    # Every assignment to `s` is a new struct, so `s` is fresh.
    s = filled(u32(1))
    if big:
        s = filled(u32(100))
    return s


def squares() -> Array[u8, 5]:
    a = Array[u8, 5]()
    for i in range(5):
        a[i] = u8(i * i)
    return a


def record() -> None:
    # A struct global is updated field by field (assigning it a whole new
    # struct is rejected: see tests/errors/glob_assign_new_struct.py).
    snap = heap.snapshot()
    latest.used = snap.used
    latest.peak = snap.peak


def show(label: str, s: Stats) -> None:
    print(f"{label}: used={s.used} peak={s.peak}")


def main() -> None:
    show("empty", empty())
    a = filled(u32(7))
    b = filled(u32(7))
    a.used = u32(1)
    show("a", a)
    show("b", b)
    show("via call", via_call(u32(9)))
    show("chosen small", chosen(False))
    show("chosen big", chosen(True))

    heap.stats.used = u32(40)
    heap.stats.peak = u32(64)
    snap = heap.snapshot()
    heap.stats.used = u32(41)  # the snapshot does not follow the heap
    show("snapshot", snap)
    show("live", heap.stats)
    show("doubled", heap.doubled())
    snap.peak = u32(0)  # nor does the heap follow the snapshot
    show("live again", heap.stats)

    record()
    heap.stats.used = u32(50)
    show("latest", latest)

    heap.blocks[2] = u32(16)
    sizes = heap.block_sizes()
    heap.blocks[2] = u32(32)
    sizes[0] = u32(8)
    print("sizes", sizes[0], sizes[1], sizes[2], sizes[3], "live", heap.blocks[0], heap.blocks[2])

    sq = squares()
    total = u32(0)
    for v in sq:
        total += u32(v)
    print("squares", sq[4], total)

    # A returned struct stored into a field or element is copied there.
    heap.stats = filled(u32(3))
    show("stored", heap.stats)
    for i in range(3):
        s = via_call(u32(i))
        heap.blocks[i] = s.used
    print("blocks", heap.blocks[0], heap.blocks[1], heap.blocks[2])


if __name__ == "__main__":
    main()

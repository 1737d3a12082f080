from pythos.lang import struct, u8, u32, u64, Array, Ptr, addr_of


@struct
class Slice:
    data: Ptr[u32]
    length: u32
    owned: bool

    def get(self, i: u32) -> u32:
        assert i < self.length
        return self.data[int(i)]

    def set(self, i: u32, v: u32) -> None:
        assert i < self.length
        self.data[int(i)] = v

    def sum(self) -> u64:
        s = u64(0)
        for i in range(int(self.length)):
            s += u64(self.data[i])
        return s


@struct
class Cursor:
    target: Ptr[Slice]
    pos: u32
    done: bool

    def next(self) -> u32:
        sl = self.target[0]
        v = sl.get(self.pos)
        self.pos += 1
        if self.pos >= sl.length:
            self.done = True
        return v


BACKING = Array[u32, 12]()


def main() -> None:
    for i in range(12):
        BACKING[i] = u32(i * i)
    whole = Slice(addr_of(BACKING), 12, False)
    tail = Slice(addr_of(BACKING) + 8, 4, True)
    print("whole sum", whole.sum(), "tail sum", tail.sum(), "flags", whole.owned, tail.owned)
    tail.set(u32(0), u32(1000))
    print("BACKING[8]", BACKING[8], "whole.get(8)", whole.get(u32(8)))
    # moving a slice window by changing its pointer field
    tail.data = Ptr[u32](tail.data.addr - 16)
    print("moved tail", tail.get(u32(0)), tail.get(u32(3)), tail.sum())
    c = Cursor(addr_of(tail), 0, False)
    while not c.done:
        print("next", c.next(), end="; ")
    print()
    print("cursor pos", c.pos, "done", c.done)
    # bool fields toggled in an array of structs
    flags = Array[Slice, 4]()
    for i in range(4):
        flags[i].owned = i % 2 == 0
        flags[i].length = u32(i)
    n = 0
    for s in flags:
        if s.owned:
            n += 1
    print("owned count", n, flags[0].owned, flags[1].owned)
    flags[1].owned = not flags[1].owned
    print("toggled", flags[1].owned)
    # a null pointer field is address zero
    empty = Slice()
    print("null", empty.data.addr == 0, empty.length, empty.owned)
    # pointer distance between fields of the two slices
    print("distance", (tail.data.addr - whole.data.addr) // 4)


if __name__ == "__main__":
    main()

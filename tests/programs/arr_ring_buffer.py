from pythos.lang import struct, u8, u32, Array


@struct
class Ring:
    buf: Array[u8, 8]
    head: u32
    tail: u32
    count: u32
    dropped: u32

    def push(self, v: u8) -> bool:
        if self.count == 8:
            self.dropped += 1
            return False
        self.buf[int(self.tail)] = v
        self.tail = (self.tail + 1) % 8
        self.count += 1
        return True

    def pop(self) -> u8:
        assert self.count > 0, "pop from empty ring"
        v = self.buf[int(self.head)]
        self.head = (self.head + 1) % 8
        self.count -= 1
        return v

    def peek(self, i: u32) -> u8:
        return self.buf[int((self.head + i) % 8)]


def dump(r: Ring) -> None:
    print(f"count={r.count} head={r.head} tail={r.tail} dropped={r.dropped} [", end="")
    for i in range(int(r.count)):
        print(r.peek(u32(i)), end=" ")
    print("]")


def main() -> None:
    r = Ring()
    for i in range(5):
        r.push(u8(i + 1))
    dump(r)
    print("pop", r.pop(), r.pop())
    dump(r)
    for i in range(10):
        ok = r.push(u8(100 + i))
        if not ok:
            print("full when pushing", 100 + i)
    dump(r)
    total = u32(0)
    while r.count:
        total += u32(r.pop())
    print("drained total", total)
    dump(r)
    # a long interleaved run: producer faster than consumer
    produced = u32(0)
    consumed = u32(0)
    csum = u8(0)
    for t in range(200):
        if r.push(u8(t)):
            produced += 1
        if t % 3 == 0 and r.count > 0:
            csum += r.pop()
            consumed += 1
    print("produced", produced, "consumed", consumed, "left", r.count, "dropped", r.dropped, "csum", csum)


if __name__ == "__main__":
    main()

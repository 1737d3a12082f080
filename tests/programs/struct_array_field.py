from pythos.lang import struct, u8, u16, u32, Array


@struct
class Packet:
    length: u16
    kind: u8
    payload: Array[u8, 16]
    checksum: u32

    def push(self, b: u8) -> bool:
        if self.length >= 16:
            return False
        self.payload[int(self.length)] = b
        self.length += 1
        return True

    def compute(self) -> u32:
        s = u32(0)
        for i in range(int(self.length)):
            s = (s << 3) ^ (s >> 29) ^ u32(self.payload[i])
        self.checksum = s
        return s


@struct
class Matrix2:
    cells: Array[u32, 4]


def dump(p: Packet) -> None:
    print("len", p.length, "kind", p.kind, end=" data")
    for i in range(int(p.length)):
        print("", p.payload[i], end="")
    print(f" csum={p.checksum:#x}")


def main() -> None:
    p = Packet()
    p.kind = 7
    for i in range(20):
        ok = p.push(u8(i * 17))
        if not ok:
            print("full at", i)
            break
    p.compute()
    dump(p)
    print("len(payload)", len(p.payload), "last", p.payload[-1], "first", p.payload[0])
    # assigning an array into a struct field copies it
    buf = Array[u8, 16]()
    for i in range(16):
        buf[i] = u8(100 + i)
    q = Packet(3, 1)
    q.payload = buf
    buf[0] = 0
    print("copied", q.payload[0], "source", buf[0])
    q.compute()
    dump(q)
    # iterate over an array field
    total = u32(0)
    for b in q.payload:
        total += u32(b)
    print("total", total)
    m = Matrix2()
    m.cells[0] = 2
    m.cells[1] = 3
    m.cells[2] = 5
    m.cells[3] = 7
    n = Matrix2()
    n.cells = m.cells
    for k in range(10):
        c00 = n.cells[0] * m.cells[0] + n.cells[1] * m.cells[2]
        c01 = n.cells[0] * m.cells[1] + n.cells[1] * m.cells[3]
        c10 = n.cells[2] * m.cells[0] + n.cells[3] * m.cells[2]
        c11 = n.cells[2] * m.cells[1] + n.cells[3] * m.cells[3]
        n.cells[0] = c00
        n.cells[1] = c01
        n.cells[2] = c10
        n.cells[3] = c11
    print("m^11", n.cells[0], n.cells[1], n.cells[2], n.cells[3])


if __name__ == "__main__":
    main()

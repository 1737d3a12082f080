"""bytearray: the methods that change it, `+=`, `+`, `*` and `del`, seen
through every name for it (`alias = ba`), in a list, a dict and a
field."""


class Packet:
    def __init__(self, tag: int) -> None:
        self.payload = bytearray([tag])

    def add(self, more: bytes) -> None:
        self.payload += more


def main() -> None:
    ba = bytearray(b"abc")
    alias = ba
    ba.append(0xE9)
    alias.append(100)
    print(ba, alias, ba is alias, len(alias))
    ba.extend(b"\x80\xff")
    ba.extend(bytearray(b"Z"))
    ba.extend([1, 2, 255])
    ba.extend((48, 49))
    print(alias)
    ba.extend(ba)
    print(len(alias), alias[-3:])
    ba += b"!!"
    ba += bytearray(b"?")
    print(alias[-4:], len(ba))
    print(ba.pop(), ba.pop(0), ba.pop(-2), alias[:3])
    ba.insert(0, 65)
    ba.insert(-1, 66)
    ba.insert(1000, 67)
    ba.insert(-1000, 68)
    print(alias)
    del ba[0]
    del ba[-1]
    del ba[2:6]
    del ba[::2]
    print(alias)
    ba.remove(100)
    ba.reverse()
    print(alias, ba.copy() == ba, ba.copy() is ba)
    joined = ba + b"+bytes" + bytearray(b"+ba")
    print(joined, len(joined), alias * 2, 2 * bytearray(b"xy"), bytearray(b"q") * 0)
    twice = alias
    twice *= 2
    print(len(ba), len(twice))
    ba.clear()
    print(ba, alias, len(ba), bool(alias))
    rows = [bytearray(b"r0"), bytearray(2)]
    rows[1][0] = 0x31
    rows.append(rows[0])
    rows[0].append(0x21)
    print(rows, rows[2] is rows[0])
    table = {"k": bytearray(b"v")}
    table["k"].extend(b"alue")
    print(table)
    p = Packet(7)
    p.add(b"\x00\xc3\xa9")
    p.payload[0] = 8
    print(p.payload, p.payload.hex())
    pair = (bytearray(b"t"), 1)
    pair[0].append(117)
    print(pair)


if __name__ == "__main__":
    main()

"""bytearray: making one in every way, items (negative indexes too),
slices, iteration, `in`, comparisons with bytes and bytearrays, truth
and text, with bytes from 0x80 up."""


def show(ba: bytearray) -> None:
    print(ba, str(ba), repr(ba), len(ba), bool(ba))


def main() -> None:
    show(bytearray())
    show(bytearray(3))
    n = 2
    show(bytearray(n + 1))
    show(bytearray(b"caf\xc3\xa9"))
    data = "naïve 'q' \"x\"".encode()
    show(bytearray(data))
    show(bytearray([0, 127, 128, 255]))
    show(bytearray((65, 66)))
    ba = bytearray("zürich\t\n\\".encode())
    show(bytearray(ba))
    print(ba[0], ba[-1], ba[1], ba[2], ba[-3])
    ba[0] = 90
    ba[-1] = 0xFF
    ba[1] = 0
    print(ba, ba[0] + ba[-1])
    ba[0] += 1
    print(ba[0])
    print(ba[1:3], ba[::-1], ba[-2:], ba[100:], ba[::3])
    part = ba[2:5]
    part[0] = 33
    print(part, ba)
    total = 0
    for x in ba:
        total += x
    print(total, sum(ba), max(ba), min(ba), sorted(ba)[:3], list(ba[:4]))
    print(255 in ba, 7 in ba, 7 not in ba, b"\xbcr" in ba, b"zz" in ba)
    print(ba == ba, ba == bytearray(ba), ba != ba[:2], ba == bytes(ba))
    print(bytearray(b"ab") == b"ab", b"ab" == bytearray(b"ab"), b"ab" != bytearray(b"a"))
    print(bytearray(b"ab") < bytearray(b"b"), bytearray(b"ab") <= b"ab",
          bytearray(b"\xff") > b"\x7f", b"a" >= bytearray(b"ab"))
    if bytearray():
        print("empty is true")
    if ba:
        print("ba is true")
    print(bytes(ba), bytes(bytearray(b"\x80")))
    a, b = bytearray(b"xy")
    print(a, b)


if __name__ == "__main__":
    main()

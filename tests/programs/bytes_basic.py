from pythos.lang import u8, u32, Array


def count_byte(data: bytes, target: u8) -> int:
    n = 0
    for b in data:
        if b == target:
            n += 1
    return n


def checksum(data: bytes) -> u8:
    s = u8(0)
    for i in range(len(data)):
        s += data[i]
    return s


def upper_print(data: bytes) -> None:
    for b in data:
        c = u8(b)
        if 97 <= c <= 122:
            c -= 32
        print(chr(c), end="")
    print()


def main() -> None:
    hello = b"Hello, world!"
    print("len", len(hello), "first", hello[0], "last", hello[-1], "h[7]", hello[7])
    print("count l", count_byte(hello, u8(108)), "count o", count_byte(hello, u8(111)))
    print("checksum", checksum(hello), checksum(b""), checksum(b"\xff\x01"))
    upper_print(hello)
    upper_print(b"mixed CASE 123 text")
    raw = b"\x00\x01\x7f\x80\xfe\xff"
    for b in raw:
        print(b, end=" ")
    print()
    print("raw len", len(raw), "sum", u32(raw[2]) + u32(raw[3]) + u32(raw[4]) + u32(raw[5]))
    # bytes elements are u8 values: converted explicitly, arithmetic wraps at 8 bits
    x = u8(raw[5]) + 1
    y = u8(raw[4]) * 2
    print("wrap", x, y)
    # escape sequences in literals
    esc = b"tab\there\nnl\\bs\"q"
    print("esc len", len(esc))
    for b in esc:
        print(b, end=",")
    print()
    # copy bytes into an array and back out
    arr = Array[u8, 16]()
    for i in range(len(hello)):
        arr[i] = hello[i]
    for i in range(len(hello) - 1, -1, -1):
        print(chr(arr[i]), end="")
    print()
    # byte comparisons and equality
    a = b"abc"
    b2 = b"abd"
    same = len(a) == len(b2)
    first_diff = -1
    for i in range(len(a)):
        if a[i] != b2[i]:
            first_diff = i
            break
    print("first diff at", first_diff, a[2] < b2[2], same)


if __name__ == "__main__":
    main()

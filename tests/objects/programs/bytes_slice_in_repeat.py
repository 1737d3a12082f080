"""bytes operators: slicing (negative, out-of-range and stepped bounds),
`in` of a substring and of a byte, `*`, `+=`, `*=`, truth, hash
equality, and IndexError for an index out of range (caught)."""


def main() -> None:
    line = "GET /caf\u00e9 HTTP/1.1".encode()
    print(line[1:6], line[::-1], line[-3:], line[100:], line[::2], line[-100:3], line[5:1:-1])
    print(line[4:10].decode(), line[:-9], line[3:3], line[::-3])
    print(b"GET" in line, 71 in line, 0xC3 in line, 0 in line, b"" in line, b"zz" not in line)
    print(b"ab" * 3, 2 * b"cd", b"x" * 0, b"x" * -2, line[8:10] * 2)
    data = "\u00e9t\u00e9".encode()
    data += b"!"
    data *= 2
    print(data, len(data), data.decode())
    print(bool(b""), bool(data), b"x" if b"" else b"y", not data)
    print(hash(b"abc") == hash("abc".encode()), hash(line[0:3]) == hash(b"GET"),
          hash(b"GET /") == hash("GET /"), hash(b"a") == hash(b"b"))
    for i in (0, 5, -1, -len(line), len(line), -len(line) - 1):
        try:
            print(i, line[i])
        except IndexError as e:
            print(i, "IndexError", e)
    for v in (255, 256, -1):
        try:
            print(v, v in line)
        except ValueError as e:
            print(v, "ValueError", e)
    try:
        print(line[::0])
    except ValueError as e:
        print("ValueError", e)


if __name__ == "__main__":
    main()

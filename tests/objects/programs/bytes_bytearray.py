"""bytearray: a mutable byte buffer that grows, with item assignment."""


def main() -> None:
    buf = bytearray()
    for ch in "héllo":
        buf.extend(ch.encode())
    buf.append(33)
    print(buf, len(buf))
    buf[0] = 72
    print(buf.decode(), bytes(buf), buf[1], list(buf[:3]))
    zero = bytearray(4)
    zero[2] = 255
    print(zero, bytes(zero) == b"\x00\x00\xff\x00")


if __name__ == "__main__":
    main()

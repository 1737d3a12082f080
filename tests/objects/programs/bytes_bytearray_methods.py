"""bytearray: the bytes methods that read it (a bytes result is a new
bytearray), decode and hex, and conversions to bytes and lists."""


def main() -> None:
    ba = bytearray("  Grüße, Welt!  ".encode())
    print(ba.decode(), len(ba.decode()), ba.hex())
    print(ba.strip(), ba.lstrip(), ba.rstrip(), ba.strip(b" !"), ba.rstrip(None))
    print(ba.upper(), ba.lower(), ba.replace(b"e", b"E"), ba.replace(b" ", b"", 2))
    print(ba.find(b"W"), ba.find(b"zz"), ba.rfind(b" "), ba.index(b"W"), ba.rindex(b"e"))
    print(ba.find(b" ", 3), ba.find(b" ", 3, 5), ba.count(b" "), ba.count(b"e", 10))
    print(ba.startswith(b"  G"), ba.endswith(b"!  "), ba.startswith(b"G", 2),
          ba.endswith(b"x"))
    print(bytearray(b"123").isdigit(), bytearray(b"ab").isalpha(), bytearray(b" \t").isspace(),
          bytearray().isdigit())
    stripped = ba.strip()
    stripped.append(0x3F)
    print(stripped, ba)
    print(bytes(ba), bytes(bytearray()), list(bytearray(b"\x00\xff")), sorted(bytearray(b"cab")))
    words = [bytearray(w.encode()) for w in ["é", "a", "zz"]]
    print(words, sorted(bytes(w) for w in words), max(len(w) for w in words))
    copied = bytearray(ba.strip().upper())
    print(copied.decode(), copied.hex())


if __name__ == "__main__":
    main()

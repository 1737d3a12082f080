"""bytes + bytes: views (literals) and bytes made at run time, chained,
empty, in a loop that drops the old value each time, and decoded."""


def frame(payload: bytes) -> bytes:
    return b"<" + payload + b">"


def main() -> None:
    a = "é".encode()
    c = a + b"!" + "€".encode()
    print(c, len(c), b"" + b"", b"x" + a)
    for _ in range(3):
        c = c + c
    print(len(c), c[-1], (a + a).decode())
    print(frame("ök".encode()), frame(b""), frame(frame(a)).decode())


if __name__ == "__main__":
    main()

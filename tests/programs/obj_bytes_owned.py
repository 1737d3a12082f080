"""bytes values made at run time (s.encode()) own a bytes object: kept in
fields, globals, generator frames, merged by a conditional, passed and
returned, reassigned, and freed once (the leak check sees each)."""
from collections.abc import Iterator


class Packet:
    def __init__(self, text: str) -> None:
        self.payload = text.encode()
        self.tag = b"lit"

    def retag(self, text: str) -> None:
        self.tag = text.encode()
        self.payload = self.tag


LAST = b""


def remember(data: bytes) -> int:
    global LAST
    LAST = data
    return len(data)


def pick(flag: bool, a: str) -> bytes:
    return a.encode() if flag else b"none"


def first_high(data: bytes) -> int:
    for i in range(len(data)):
        if int(data[i]) >= 0x80:
            return i
    return -1


def each_byte(text: str) -> Iterator[int]:
    data = text.encode()
    for b in data:
        yield int(b)


def main() -> None:
    p = Packet("héllo")
    print(len(p.payload), p.payload, p.tag, first_high(p.payload))
    p.retag("ça")
    print(p.payload, p.tag, p.payload.decode())
    print(remember("€uro".encode()), LAST, remember(b"x"), LAST)
    print(pick(True, "añ"), pick(False, "añ"))
    print(list(each_byte("é!")))
    gen = each_byte("abc")
    print(next(gen))  # dropped while suspended, its frame holds the bytes
    data = "áb".encode()
    data = data.decode().upper().encode()
    print(data, sum([int(b) for b in data]), "€".encode()[1])
    print(f"{'ü'.encode()!r} {str('xé'.encode())} {repr('ÿ'.encode())}")


if __name__ == "__main__":
    main()

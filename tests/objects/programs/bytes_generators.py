"""Generators and coroutines of bytes: an item, a sent value and a result
pass through one word, as the value's bytes object; dropped, closed and
half-consumed generators free what they hold."""
from collections.abc import Coroutine, Generator, Iterator
from typing import Any


def chunks(data: bytes, size: int) -> Iterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i:i + size]


def literals() -> Iterator[bytes]:
    yield b"one"
    yield b""
    yield "tw\u00f6".encode()


def joiner() -> Generator[int, bytes, bytes]:
    got = b""
    while True:
        part = yield len(got)
        if not part:
            return got
        got += part


def delegate() -> Generator[int, bytes, bytes]:
    inner = yield from joiner()
    return inner + b"!"


async def fetch(n: int) -> bytes:
    return bytes([65 + n]) * n


async def gather(count: int) -> bytes:
    out = b""
    for i in range(count):
        out += await fetch(i)
    return out + b"."


def run(c: Coroutine[Any, Any, bytes]) -> bytes:
    try:
        c.send(None)
    except StopIteration as e:
        result: bytes = e.value
        return result
    return b"never"


def lines(text: bytes) -> Iterator[bytes]:
    start = 0
    for i in range(len(text)):
        if text[i] == 10:
            yield text[start:i]
            start = i + 1
    if start < len(text):
        yield text[start:]


def numbered(text: bytes) -> Generator[tuple[int, bytes], None, int]:
    n = 0
    for n, line in enumerate(lines(text), 1):
        yield n, line
    return n


def main() -> None:
    for c in chunks(b"hello world", 3):
        print(c)
    print(list(chunks("h\u00e9llo".encode(), 2)))
    print(list(literals()), sorted(literals()))
    print(b"-".join(literals()), b"|".join(p.upper() for p in literals()))
    g = literals()
    print(next(g), next(g), next(g), next(g, b"done"))
    j = delegate()
    print(next(j), j.send(b"ab"), j.send(b"\xff"))
    try:
        j.send(b"")
    except StopIteration as e:
        print("result", e.value)
    half = chunks(b"abcdefgh", 2)
    print(next(half))
    print(sum(len(x) for x in chunks(bytes([i for i in range(200)]), 7)))
    print({x: len(x) for x in literals()})

    print(run(gather(4)))
    text = "alpha\nbeta\n\ngamma \u00fc".encode()
    print([x.upper() for x in lines(text)])
    for i, line in enumerate(lines(text)):
        print(i, line, len(line))
    print(list(zip(lines(text), lines(text[6:]))))
    print(list(numbered(text)))
    early = lines(text)
    print(next(early))
    early = lines(b"")
    shouty = (x + b"!" for x in lines(text) if x)
    print(next(shouty), list(shouty))
    nums = numbered(text)
    print(next(nums))
    nums.close()
    print(next(nums, (0, b"closed")))



if __name__ == "__main__":
    main()

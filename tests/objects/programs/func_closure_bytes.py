"""Closures over bytes variables: a cell keeps the bytes object, so the
closure sees every later assignment, and literal data outlives its frame."""
from collections.abc import Callable


def with_prefix(prefix: bytes) -> Callable[[int], bytes]:
    def make(n: int) -> bytes:
        return prefix + bytes([n])
    return make


def accumulator() -> tuple[Callable[[bytes], None], Callable[[], bytes]]:
    seen = b""

    def add(part: bytes) -> None:
        nonlocal seen
        seen += part

    def get() -> bytes:
        return seen
    return add, get


def late_binding() -> Callable[[], bytes]:
    data = b"first"

    def tail() -> bytes:
        return data[-3:]
    data = "second, non-ASCII: ü".encode()
    return tail


def main() -> None:
    m = with_prefix(b"ab")
    print(m(65), m(66), m(0xFF))
    print(with_prefix("é".encode())(0x80))
    add, get = accumulator()
    for part in [b"x", "ü".encode(), b"yz", b""]:
        add(part)
    print(get(), len(get()), get().decode())
    print(late_binding()())
    literal = b"keep"
    size: Callable[[], int] = lambda: len(literal) + literal.count(b"e")
    print(size())
    grow = b""
    steps: list[bytes] = []

    def step(i: int) -> None:
        nonlocal grow
        grow = grow + bytes([48 + i % 10])
        if i % 25 == 0:
            steps.append(grow)

    for i in range(100):
        step(i)
    print(len(grow), [s[-2:] for s in steps])


if __name__ == "__main__":
    main()

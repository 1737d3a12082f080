"""bytearray values: in f-strings, comprehensions, generators, closures,
Optional, sorted lists of them, max, and a buffer that grows to 2000
bytes."""


from collections.abc import Iterator


def gen(ba: bytearray) -> Iterator[int]:
    for x in ba:
        yield x * 2


def pick(flag: bool) -> bytearray | None:
    return bytearray(b"opt") if flag else None


def main() -> None:
    ba = bytearray(b"abc")
    print(f"{ba} {ba!r} {len(ba):>4}", [x for x in ba], list(gen(ba)), ba * -1)
    print(bytearray(b"") == bytearray(), {k: v for k, v in enumerate(ba)})
    o = pick(True)
    if o is not None:
        o.append(33)
        print(o)
    print(pick(False))

    def inner() -> int:
        ba.append(0x7A)
        return len(ba)
    print(inner(), ba)
    try:
        ba.pop(-10)
    except IndexError as e:
        print(e)
    try:
        ba.remove(1)
    except ValueError as e:
        print(e)
    try:
        bytearray(-1)
    except ValueError as e:
        print(e)
    xs: list[bytearray] = []
    xs.append(ba)
    xs.append(ba[:1])
    xs.sort()
    print(xs, max(xs), ba.index(b"c"), ba.count(b"a"))
    print(list(reversed(ba)))
    n = 0
    while ba:
        n += ba.pop()
    print(n, ba)
    big = bytearray()
    for i in range(1000):
        big.append(i % 256)
    big += big[:]
    print(len(big), big[999], sum(big), big[-1])
    del big[:]
    print(big)


if __name__ == "__main__":
    main()

"""send(): a generator that keeps a running total of what it is sent,
and a delegating generator that passes send on with yield from and gets
the inner generator's return value."""
from collections.abc import Generator


def running_total() -> Generator[int, int, int]:
    total = 0
    count = 0
    while count < 3:
        value = yield total
        total += value
        count += 1
    return total


def reporter() -> Generator[int, int, None]:
    final = yield from running_total()
    print("final total", final)
    yield -1


def main() -> None:
    acc = running_total()
    print(next(acc))
    print(acc.send(5), acc.send(10))
    r = reporter()
    print(next(r))
    for v in [1, 2, 3]:
        print("sent", v, "got", r.send(v))


if __name__ == "__main__":
    main()

"""iter(range(...)) as an iterator object: next(), for, list() and sum()
resume it where it stopped; negative and variable steps; empty ranges; an
iterator kept in an instance and drained by another function."""
from collections.abc import Iterator


class Ticker:
    def __init__(self, n: int) -> None:
        self.ticks: Iterator[int] = iter(range(n))

    def tick(self) -> int:
        return next(self.ticks)


def drain(it: Iterator[int]) -> list[int]:
    return [x * 10 for x in it]


def main() -> None:
    it = iter(range(5))
    print(next(it), next(it))
    for x in it:
        print("for", x)
        if x == 3:
            break
    print(list(it), list(it))
    print(list(iter(range(10, 0, -3))), list(iter(range(3, 3))), list(iter(range(5, 1))))
    step = -2
    print(sum(iter(range(0, -9, step))), drain(iter(range(1, 4))))
    t = Ticker(2)
    print(t.tick(), t.tick(), list(t.ticks))
    big = iter(range(-9223372036854775807, 9223372036854775807, 9223372036854775807))
    print(list(big))


if __name__ == "__main__":
    main()

"""A range as an iterator object: pairs taken from one shared iterator,
and a round-robin of two iterators."""
from collections.abc import Iterator


def pairs(n: int) -> list[tuple[int, int]]:
    it = iter(range(n))
    out: list[tuple[int, int]] = []
    for a in it:
        out.append((a, next(it)))
    return out


def round_robin(first: Iterator[int], second: Iterator[int]) -> list[int]:
    out: list[int] = []
    for x in first:
        out.append(x)
        for y in second:
            out.append(y)
            break
    return out + list(second)


def main() -> None:
    print(pairs(6))
    print(round_robin(iter(range(3)), iter(range(100, 106))))


if __name__ == "__main__":
    main()

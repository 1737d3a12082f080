"""Generators whose frames hold a closure's cells (a lambda reading a
parameter), Optional items, set and dict loops' state across yields, and
generators inside enumerate() and zip() as values."""
from collections.abc import Callable, Iterator


def scaled(xs: list[int], k: int) -> Iterator[int]:
    f: Callable[[int], int] = lambda x: x * k
    for x in xs:
        yield f(x)


def maybe(xs: list[int]) -> Iterator[int | None]:
    for x in xs:
        yield x if x > 0 else None


def keys(s: set[int], d: dict[int, str]) -> Iterator[str]:
    for v in sorted(s):
        yield str(v)
    for k in d:
        yield d[k]


def main() -> None:
    print(list(scaled([1, 2], 3)))
    print(list(maybe([1, -1, 2])))
    print(list(keys({3, 1, 2}, {1: "a", 2: "b"})))
    print(list(enumerate(scaled([4], 2))), list(zip(maybe([5]), keys({7}, {}))))


if __name__ == "__main__":
    main()

"""Exceptions raised in a generator body reach the consumer; PEP 479; the generator is finished after."""


from typing import Iterator


def numbers(limit: int) -> Iterator[int]:
    for i in range(limit):
        if i == 3:
            raise ValueError(f"no {i}")
        yield i * 10


def evens(xs: list[int]) -> Iterator[int]:
    it = iter(xs)
    while True:
        x = next(it)
        if x % 2 == 0:
            yield x


def main() -> None:
    g = numbers(10)
    got: list[int] = []
    try:
        for v in g:
            got.append(v)
    except ValueError as e:
        print("caught", e, got)
    print(next(g, -1))
    try:
        print(list(evens([1, 2, 3, 4])))
    except RuntimeError as e:
        print("pep 479:", e)
    print(sum(x for x in numbers(3)))


main()

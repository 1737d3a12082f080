"""Generator functions: a frame and a resume function.  for over a
generator, next() with and without a default, iter(), list(), sum(),
sorted(), `in`, generators passed where an Iterator is expected, several
alive at once, a generator dropped halfway (the leak check proves its
frame and what it holds are freed), and locals of every kind kept across
a yield (ints, strs, lists, a dict loop's state)."""
from collections.abc import Iterable, Iterator


def count_up(n: int) -> Iterator[int]:
    i = 0
    while i < n:
        yield i
        i += 1


def squares(xs: list[int]) -> Iterator[int]:
    for x in xs:
        yield x * x


def words(text: str) -> Iterator[str]:
    for w in text.split():
        yield w.upper()


def pairs(d: dict[str, int]) -> Iterator[tuple[str, int]]:
    for k, v in d.items():
        yield (k, v)


def chunks(xs: list[int], size: int) -> Iterable[list[int]]:
    chunk: list[int] = []
    for x in xs:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def total(it: Iterator[int]) -> int:
    s = 0
    for x in it:
        s += x
    return s


def unused_parameter(label: str, n: int) -> Iterator[int]:
    yield n


def small() -> Iterator[int]:
    yield 1
    yield 2
    return


def main() -> None:
    for v in count_up(3):
        print("count", v)
    print(list(squares([1, 2, 3])))
    print(sorted(words("pear apple fig")))
    print(sum(count_up(5)), total(squares([2, 3])))
    print(list(pairs({"a": 1, "b": 2})))
    print(list(chunks([1, 2, 3, 4, 5], 2)))
    g = words("one two three")
    print(next(g))
    print(next(g, "none"), next(g, "none"), next(g, "none"), next(g, "none"))
    print(3 in count_up(10), 30 in count_up(10), 4 not in squares([1, 2]))
    gens = [count_up(4) for _ in range(3)]
    for it in gens:
        print(next(it), end=" ")
    print(next(gens[0]), next(gens[0]), next(gens[2]))
    half = words("x y z")
    print(next(half))
    it2 = iter(squares([1, 2, 3]))
    print(sum(it2))
    print(list(unused_parameter("label", 7)), list(small()))
    for i, w in enumerate(words("a b")):
        print(i, w)
    for n, w in zip(count_up(10), words("p q r")):
        print(n, w)


if __name__ == "__main__":
    main()

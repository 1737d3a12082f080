from typing import Iterator


def gen(n: int) -> Iterator[str]:
    for i in range(n):
        yield "x" * i


class Box:
    def __init__(self, v: int) -> None:
        self.v = v

    def __repr__(self) -> str:
        return f"Box({self.v})"


def main() -> None:
    rows = [[1, 2], [3, 4]]
    t = tuple(tuple(r) for r in rows)
    print(t, hash(t) == hash(((1, 2), (3, 4))), t == ((1, 2), (3, 4)))
    print(tuple("héllo"), tuple(range(4)), tuple(gen(3)), tuple({"a": 1, "b": 2}))
    print(tuple(sorted({3, 1, 2})), tuple(x * 2 for x in range(3) if x), tuple(iter([5, 6])))
    d = {"k": 1, "j": 2}
    print(tuple(d.items()), tuple(d.values()), tuple(d.keys()), tuple(reversed([1, 2, 3])))
    bs = tuple(Box(i) for i in range(3))
    print(bs, len(bs), bs[1:], tuple(enumerate("ab")), tuple(zip("ab", [1, 2])))
    none: list[int] = []
    e: tuple[int, ...] = tuple(x for x in none)
    print(e, tuple(b"ab"), tuple(map(str, [1, 2])))


if __name__ == "__main__":
    main()

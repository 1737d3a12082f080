"""`object` values (issue 11): truth, hash(), is and is None of values of
every kind held as `object`, with classes whose truth is their own
`__bool__` or `__len__` (and a subclass that overrides it)."""


class Empty:
    def __init__(self, full: bool) -> None:
        self.full = full

    def __bool__(self) -> bool:
        return self.full


class Sized:
    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n


class Sized2(Sized):
    def __len__(self) -> int:
        return self.n - 1


class Plain:
    pass


class Key:
    def __init__(self, k: int) -> None:
        self.k = k

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Key) and other.k == self.k

    def __hash__(self) -> int:
        return self.k * 7


def truth(x: object) -> str:
    if x:
        return "yes"
    return "no"


def main() -> None:
    no_ints: list[int] = []
    no_keys: dict[str, int] = {}
    no_items: set[int] = set()
    values: list[object] = [0, 1, -3, True, False, "", "a", b"", b"x", None, no_ints, [0], (),
                            (1,), no_keys, {"a": 1}, no_items, {1}, Empty(True), Empty(False),
                            Sized(0), Sized(2), Sized2(1), Sized2(2), Plain()]
    print(" ".join(truth(v) for v in values))
    print([bool(v) for v in values[:18]])
    print([not v for v in values[:6]])
    hashes: list[object] = [0, 1, -1, 2 ** 40, True, False, (1, 2), Key(3), None]
    print([hash(h) == hash(h) for h in hashes])
    print(hash(hashes[0]), hash(hashes[1]), hash(hashes[3]), hash(hashes[4]), hash(hashes[5]))
    print(hash(hashes[6]) == hash((1, 2)), hash(hashes[7]), hash("a") == hash(values[6]))
    p = Plain()
    a: object = p
    b: object = p
    c: object = Plain()
    print(a is b, a is c, a is not c, a is None, a is not None)
    n: object = None
    print(n is None, n is not None, n == None, n != None)  # noqa: E711
    small: object = 5
    print(small is small, True is values[3], values[3] is True, values[4] is True)
    seen = 0
    for v in values:
        if v is None:
            seen += 1
        elif v:
            seen += 10
    print(seen)


if __name__ == "__main__":
    main()

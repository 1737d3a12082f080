"""Integers and bools that may be None (boxes): locals, parameters with a
None default, returns, fields, container items, narrowing, text and ==."""

from pythos.lang import u8


class Counter:
    def __init__(self, start: int | None = None) -> None:
        self.value: int | None = start
        self.flag: bool | None = None

    def bump(self) -> int:
        v = self.value
        if v is None:
            v = 0
        v += 1
        self.value = v
        return v


def parse(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    return None


def first_even(xs: list[int]) -> int | None:
    for x in xs:
        if x % 2 == 0:
            return x
    return None


def scale(x: int, factor: int | None = None) -> int:
    if factor is None:
        return x
    return x * factor


def describe(n: int | None) -> str:
    if not n:
        return "zero or none: " + str(n)
    return f"some {n}: {n * 2}"


def total(xs: list[int | None]) -> int:
    t = 0
    for x in xs:
        if x is not None:
            t += x
    return t


def main() -> None:
    a = parse("42")
    b = parse("x")
    print(a, b, a is None, b is None, str(a), repr(b))
    print(a == 42, a != 42, b == 42, b == None, a == b)  # noqa: E711
    if a is not None:
        print(a + 1, a // 5, -a)
    assert a is not None
    print(a * 2)
    print(first_even([1, 3, 8, 5]), first_even([1, 3]))
    print(scale(5), scale(5, 3), scale(5, None))
    for n in [0, None, 7, -3]:
        print(describe(n))
    c = Counter()
    print(c.value, c.bump(), c.bump(), c.value)
    print(Counter(10).bump(), c.flag)
    c.flag = True
    c.flag = c.flag and c.value == 2
    print(c.flag, f"[{c.flag}] [{c.value}]")
    items: list[int | None] = [1, None, 300, None, -5]
    print(items, total(items), items.count(None), None in items, 300 in items)
    items.append(9)
    items[1] = 2
    print(items, items[1], items[3])
    ages: dict[str, int | None] = {"ann": 31, "bob": None}
    ages["cid"] = 4
    print(ages, ages["bob"], ages.get("ann"), ages.get("zed"))
    small: u8 | None = u8(250)
    if small is not None:
        small = u8(small + u8(10))
    print(small)
    pair: tuple[int | None, bool | None] = (None, False)
    print(pair, pair[0] is None, pair[1])
    x = parse("")
    y = x or 17
    z = a or 17
    print(y, z, x if x is not None else -1)
    counts = {"a": 1, "b": 0}
    print(counts.get("a"), counts.get("b"), counts.get("q"), counts.get("b") is None)


if __name__ == "__main__":
    main()

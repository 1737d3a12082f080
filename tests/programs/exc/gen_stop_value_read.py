"""`e.value` of the StopIteration that ends a generator: after next(g),
g.send(v) and g.throw(e), for int, str, object, None and `int | None`
results; a StopIteration raised by something else in the try body; and a
finished generator resumed again, whose StopIteration has the value None."""
from collections.abc import Generator


class Summary:
    def __init__(self, count: int, total: int) -> None:
        self.count = count
        self.total = total

    def __repr__(self) -> str:
        return f"Summary({self.count}, {self.total})"


def averager() -> Generator[None, int, Summary]:
    count = 0
    total = 0
    while True:
        value = yield
        if value < 0:
            return Summary(count, total)
        count += 1
        total += value


def lines(text: str) -> Generator[str, None, int]:
    n = 0
    for line in text.split("\n"):
        n += 1
        yield line
    return n


def guarded() -> Generator[int, None, str]:
    try:
        yield 1
    except KeyError as e:
        return f"stopped by {e}"
    return "ran out"


def silent() -> Generator[int, None, None]:
    yield 1


def maybe(n: int) -> Generator[int, None, int | None]:
    yield n
    return n * 10 if n > 0 else None


def exhausted() -> None:
    raise StopIteration


def main() -> None:
    avg = averager()
    next(avg)
    for v in (10, 20, 30, -1):
        try:
            avg.send(v)
        except StopIteration as e:
            print("summary:", e.value, e.value.total // e.value.count)
    g = lines("a\nb\nc")
    while True:
        try:
            line = next(g)
        except StopIteration as e:
            print("lines:", e.value)
            break
        print("line", line)
    gd = guarded()
    next(gd)
    try:
        gd.throw(KeyError("k"))
    except StopIteration as e:
        print("guarded:", e.value, len(e.value))
    s = silent()
    next(s)
    try:
        next(s)
    except StopIteration as e:
        print("silent:", e.value, e.value is None)
    other = guarded()
    try:
        exhausted()
        next(other)
    except StopIteration as e:
        print("not the generator's end:", repr(str(e)))
    m = maybe(4)
    for _ in range(3):
        try:
            print("maybe yields", next(m))
        except StopIteration as e:
            print("maybe:", e.value)  # 40, then None: it had finished already
    print("done")


main()

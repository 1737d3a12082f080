"""*args parameters: the extra positional arguments as a tuple[T, ...],
and calls that spread a list or a tuple into them."""


class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def __repr__(self) -> str:
        return f"Point({self.x}, {self.y})"


def total(*nums: int) -> int:
    s = 0
    for n in nums:
        s += n
    return s


def count(*items: object) -> int:
    return len(items)


def describe(label: str, *items: str, sep: str = ", ") -> str:
    return label + ": " + sep.join(items) + f" ({len(items)})"


def first(a: int, b: int = 10, *rest: int) -> str:
    return f"{a} {b} {rest}"


def pick(*points: Point) -> Point:
    best = points[0]
    for p in points[1:]:
        if p.x + p.y > best.x + best.y:
            best = p
    return best


def forward(tag: str, *nums: int) -> str:
    # args handed on to another *args function
    return f"{tag}={total(*nums)} via {len(nums)}"


def indexed(*words: str) -> list[str]:
    out: list[str] = []
    for i in range(len(words)):
        out.append(words[-1 - i].upper())
    return out


def nested(*rows: list[int]) -> int:
    return sum(len(r) for r in rows)


class Logger:
    def __init__(self, name: str, *tags: str) -> None:
        self.name = name
        self.tags = tags
        self.lines: list[str] = []

    def log(self, level: int, *parts: str) -> int:
        self.lines.append(f"[{self.name}:{level}] " + " ".join(parts))
        return len(parts)


class LoudLogger(Logger):
    def log(self, level: int, *parts: str) -> int:
        n = super().log(level + 1, *parts)
        self.lines.append("!" * n)
        return n * 10


def main() -> None:
    print(total())
    print(total(1, 2, 3))
    xs = [4, 5, 6]
    print(total(*xs))
    t = (7, 8)
    print(total(*t))
    print(total(1, *xs))
    print(total(*xs, 100))
    print(total(*xs, *xs, *t))
    empty: list[int] = []
    print(total(*empty), total(*empty, 3))
    print(count(), count(1, "a", None, [1, 2]))
    print(describe("x"))
    print(describe("x", "a", "b", sep="-"))
    words = ["p", "q", "r"]
    print(describe("w", *words))
    print(describe(*("v", "only")))
    print(first(1))
    print(first(1, 2))
    print(first(1, 2, 3, 4))
    print(first(*t))
    print(first(*t, *xs))
    p = pick(Point(1, 2), Point(5, 5), Point(0, 9))
    print(p)
    pts = [Point(i, i * i) for i in range(5)]
    print(pick(*pts))
    print(forward("f"), forward("g", 1, 2, 3))
    print(indexed("a", "bb", "ccc"))
    print(nested([1], [2, 3], []))
    lg = Logger("main", "t1", "t2")
    print(lg.tags, lg.log(1), lg.log(2, "hello", "world"))
    loud: Logger = LoudLogger("loud")
    print(loud.tags, loud.log(3, "a", "b", "c"))
    print(lg.lines, loud.lines)
    many = list(range(100))
    objs: list[object] = [str(m) for m in many]
    print(total(*many), count(*objs))
    names = tuple([str(i) for i in range(3)])
    print(describe("n", *names))


main()

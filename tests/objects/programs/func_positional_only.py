"""Positional-only parameters (before `/`): passed by position only, so
their names are free for keywords (a **kwargs parameter takes them)."""


def clamp(value: int, low: int = 0, high: int = 100, /) -> int:
    return max(low, min(high, value))


def label(text: str, /, sep: str = ": ", *, upper: bool = False) -> str:
    out = "label" + sep + text
    return out.upper() if upper else out


def record(name: str, /, **fields: int) -> str:
    # `name` is positional-only, so name= is a field like any other
    return name + str(sorted(fields.items()))


def spread(a: int, b: int, /, *rest: int) -> int:
    return a * 100 + b * 10 + len(rest)


class Vec:
    def __init__(self, x: int, y: int, /) -> None:
        self.x = x
        self.y = y

    def scaled(self, k: int, /) -> "Vec":
        return Vec(self.x * k, self.y * k)

    def __repr__(self) -> str:
        return f"Vec({self.x}, {self.y})"


class Vec3(Vec):
    def scaled(self, k: int, /) -> Vec:
        return Vec(self.x * k * 10, self.y * k * 10)


def main() -> None:
    print(clamp(50), clamp(-5), clamp(500), clamp(5, 10), clamp(5, 0, 3))
    print(label("a"), label("b", "->"), label("c", sep="=", upper=True))
    print(record("r"), record("r", name=1, age=2))
    pair = (3, 4)
    print(spread(1, 2), spread(1, 2, 3, 4, 5), spread(*pair), spread(*pair, *pair))
    v = Vec(1, 2)
    print(v, v.scaled(3))
    w: Vec = Vec3(1, 1)
    print(w.scaled(2))
    print([clamp(i * 40) for i in range(-1, 5)])


main()

"""Optional fields of every type (narrowed by assignment, augmented in
place), dataclass fields that may be None, bool | None, and the truth of
optionals, with a class's own __len__ deciding."""

from dataclasses import dataclass


class Counter:
    def __init__(self) -> None:
        self.value: int | None = None
        self.name: str | None = None

    def bump(self) -> int:
        if self.value is None:
            self.value = 0
        self.value += 1
        return self.value


@dataclass
class Opt:
    a: int | None = None
    b: str | None = None
    c: list[str] | None = None


def pick(flag: bool | None) -> str:
    if flag is None:
        return "unset"
    return "yes" if flag else "no"


class Bag:
    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n


def check(b: Bag | None) -> str:
    if b:
        return "full"
    return "empty or none"


def main() -> None:
    c = Counter()
    print(c.bump(), c.bump(), c.value, c.name)
    o = Opt()
    print(o, Opt(1, "x", ["y"]), o == Opt(), o.a is None)
    o.c = []
    o.c.append("z")
    print(o.c, o)
    print(pick(None), pick(True), pick(False))
    vals: list[int | None] = [3, None]
    w = vals[0]
    if w:
        print(w + 1)
    name = o.b or "anon"
    print(name, o.b and o.b.upper())

    print(check(None), check(Bag(0)), check(Bag(2)))
    x: Bag | None = Bag(0)
    y = x or Bag(5)
    print(len(y))



if __name__ == "__main__":
    main()

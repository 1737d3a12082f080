"""Reflected operands and NotImplemented, decided by the run-time
classes as CPython decides them: a subclass that overrides `__radd__`
goes first even where the static types are the base; `NotImplemented`
from `__add__` falls back to the other operand's `__radd__`, from
`__iadd__` to `__add__`; operands of one class are not reflected;
methods only a subclass has are found; and when nothing takes the
operands, CPython's TypeError names their run-time classes.  It ends
with that TypeError uncaught."""
from __future__ import annotations


class Vec:
    """Adds Vecs; returns NotImplemented for anything else."""

    def __init__(self, x: int) -> None:
        self.x = x

    def kind(self) -> str:
        return "Vec"

    def __repr__(self) -> str:
        return f"{self.kind()}({self.x})"

    def __add__(self, other: object) -> Vec:
        print("  Vec.__add__", self, other)
        if not isinstance(other, Vec):
            return NotImplemented
        return Vec(self.x + other.x)

    def __radd__(self, other: object) -> Vec:
        print("  Vec.__radd__", self, other)
        if isinstance(other, Scalar):
            return Vec(self.x + other.k)
        return NotImplemented

    def __mul__(self, k: int) -> Vec:
        return Vec(self.x * k)

    def __rmul__(self, k: int) -> Vec:
        return Vec(self.x * k * 10)


class Tagged(Vec):
    """Overrides __radd__: as the right operand of a Vec it goes first."""

    def kind(self) -> str:
        return "Tagged"

    def __radd__(self, other: object) -> Vec:
        print("  Tagged.__radd__", self, other)
        if isinstance(other, Vec):
            return Tagged(other.x * 100 + self.x)
        return NotImplemented


class Plain(Vec):
    """Inherits Vec's operators: never goes first."""

    def kind(self) -> str:
        return "Plain"


class Scalar:
    """Has no __add__ of its own; Vec's __radd__ takes it."""

    def __init__(self, k: int) -> None:
        self.k = k

    def __repr__(self) -> str:
        return f"Scalar({self.k})"


class Meters:
    """Its __radd__ takes a Vec, whose __add__ refuses a Meters."""

    def __init__(self, m: int) -> None:
        self.m = m

    def __repr__(self) -> str:
        return f"Meters({self.m})"

    def __radd__(self, other: object) -> Vec:
        print("  Meters.__radd__", other)
        if isinstance(other, Vec):
            return Vec(other.x + self.m * 1000)
        return NotImplemented


class Step:
    def __init__(self, k: int) -> None:
        self.k = k

    def __repr__(self) -> str:
        return f"Step({self.k})"


class Counter:
    """__iadd__ takes a Step in place, and refuses Counters, which
    __add__ then adds into a new Counter."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __repr__(self) -> str:
        return f"Counter({self.n})"

    def __iadd__(self, other: object) -> Counter:
        print("  Counter.__iadd__", other)
        if isinstance(other, Step):
            self.n += other.k
            return self
        return NotImplemented

    def __add__(self, other: Counter) -> Counter:
        print("  Counter.__add__", other)
        return Counter(self.n + other.n)


class Shape:
    """No __iadd__ and no __lshift__ here; subclasses have them."""

    def __init__(self, size: int) -> None:
        self.size = size

    def kind(self) -> str:
        return "Shape"

    def __repr__(self) -> str:
        return f"{self.kind()}({self.size})"

    def __add__(self, k: int) -> Shape:
        return Shape(self.size + k)


class Growing(Shape):
    def kind(self) -> str:
        return "Growing"

    def __iadd__(self, k: int) -> Shape:
        print("  Growing.__iadd__", k)
        self.size += k
        return self


def pick(v: Vec, label: str) -> Vec:
    print("  eval", label)
    return v


def attempt(label: str, a: Vec, b: Vec) -> None:
    try:
        print(label, "->", a + b)
    except TypeError as e:
        print(label, "-> TypeError:", e)


def main() -> None:
    v, t, p = Vec(1), Tagged(2), Plain(3)
    print("static types Vec, run-time classes decide:")
    attempt("Vec + Tagged", v, t)  # Tagged.__radd__ first
    attempt("Tagged + Tagged", t, t)  # one class: __add__ only
    attempt("Plain + Tagged", p, t)  # Tagged is not a subclass of Plain
    attempt("Tagged + Vec", t, v)
    attempt("Vec + Plain", v, p)  # Plain does not override __radd__
    print("NotImplemented falls back:")
    print(Vec(5) + Meters(7))  # Vec.__add__ refuses, Meters.__radd__ takes it
    print(Scalar(7) + Vec(5))  # Scalar has no __add__: Vec.__radd__
    print(pick(v, "left") + pick(t, "right"))
    for a in [Vec(1), Tagged(2)]:
        try:
            print(a + Scalar(2))
        except TypeError as e:
            print("TypeError:", e)
    print("ints:", 3 * Vec(2), Vec(2) * 3)
    print("in place:")
    c = Counter(1)
    same = c
    c += Step(5)
    print(c, c is same)
    c += Counter(10)
    print(c, c is same)
    print("a subclass's in-place method:")
    s: Shape = Growing(1)
    kept = s
    s += 4
    print(s, s is kept)
    s = Shape(1)
    s += 4
    print(s, s is kept)
    print("sum:", sum([Vec(1), Tagged(2), Vec(3)], Vec(0)))
    print("nothing takes them:")
    total: Vec = Tagged(1)
    try:
        total += Scalar(2)
    except TypeError as e:
        print("TypeError:", e)
    print(total)
    print(total + Meters(3) + Vec(1))
    print(total + Scalar(4))
    print("not reached")


if __name__ == "__main__":
    main()

"""In-place operators on instances (`__iadd__` and its nine kin): the
method's result rebinds the target, a class without one falls back to
`__add__` (a new object, the old one left alone), and the targets are
names, fields (of any expression, and properties), and items of lists,
dicts and instance containers, each part evaluated once, in CPython's
order.  Lists extend in place wherever they are.  It ends with a
KeyError from `d[k] += v` on a missing key."""
from dataclasses import dataclass


class Bits:
    """Every in-place method, each logging its call and mutating self."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __repr__(self) -> str:
        return f"Bits({self.value})"

    def log(self, name: str, k: int) -> "Bits":
        print(f"  {name}({self.value}, {k})")
        return self

    def __iadd__(self, k: int) -> "Bits":
        self.value += k
        return self.log("iadd", k)

    def __isub__(self, k: int) -> "Bits":
        self.value -= k
        return self.log("isub", k)

    def __imul__(self, k: int) -> "Bits":
        self.value *= k
        return self.log("imul", k)

    def __ifloordiv__(self, k: int) -> "Bits":
        self.value //= k
        return self.log("ifloordiv", k)

    def __imod__(self, k: int) -> "Bits":
        self.value %= k
        return self.log("imod", k)

    def __iand__(self, k: int) -> "Bits":
        self.value &= k
        return self.log("iand", k)

    def __ior__(self, k: int) -> "Bits":
        self.value |= k
        return self.log("ior", k)

    def __ixor__(self, k: int) -> "Bits":
        self.value ^= k
        return self.log("ixor", k)

    def __ilshift__(self, k: int) -> "Bits":
        self.value <<= k
        return self.log("ilshift", k)

    def __irshift__(self, k: int) -> "Bits":
        self.value >>= k
        return self.log("irshift", k)

    def __lshift__(self, k: int) -> "Bits":
        return Bits(self.value << k)

    def __rshift__(self, k: int) -> "Bits":
        return Bits(self.value >> k)


class Loud(Bits):
    """Overrides `__iadd__`: called through the vtable on a `Bits`."""

    def __iadd__(self, k: int) -> "Bits":
        print("  Loud's own iadd")
        return Bits(self.value + k * 100)


@dataclass(frozen=True)
class Money:
    """No in-place method: `m += n` is `m = m + n`, a new object."""
    cents: int

    def __add__(self, other: "Money") -> "Money":
        return Money(self.cents + other.cents)

    def __mul__(self, k: int) -> "Money":
        return Money(self.cents * k)


class Wallet:
    def __init__(self) -> None:
        self.cash = Money(0)
        self.bits = Bits(1)
        self._hidden = Bits(5)
        self.history: list[int] = []

    @property
    def hidden(self) -> Bits:
        print("  get hidden")
        return self._hidden

    @hidden.setter
    def hidden(self, b: Bits) -> None:
        print("  set hidden", b)
        self._hidden = b


class Shelf:
    """A container of Bits that logs each get and set."""

    def __init__(self) -> None:
        self.slots = [Bits(10), Bits(20)]

    def __getitem__(self, i: int) -> Bits:
        print("  getitem", i)
        return self.slots[i]

    def __setitem__(self, i: int, b: Bits) -> None:
        print("  setitem", i, b)
        self.slots[i] = b


def tag(label: str, n: int) -> int:
    print("  eval", label)
    return n


def wallet_of(w: Wallet) -> Wallet:
    print("  eval wallet")
    return w


def main() -> None:
    print("names:")
    b = Bits(6)
    alias = b
    b += 3
    b -= 1
    b *= 5
    b //= 3
    b %= 7
    b |= 12
    b &= 10
    b ^= 3
    b <<= 4
    b >>= 2
    print(b, alias, b is alias, b << 1, b >> 1)

    print("fallback to __add__:")
    m = Money(5)
    kept = m
    m += Money(7)
    m *= 2
    print(m, kept, m is kept)

    print("override through the vtable:")
    base: Bits = Loud(1)
    before = base
    base += 2
    print(base, before, base is before)

    print("fields:")
    w = Wallet()
    wallet_of(w).cash += Money(tag("cash", 3))
    wallet_of(w).bits += tag("bits", 4)
    w.hidden += tag("hidden", 2)
    print(w.cash, w.bits, w._hidden)

    print("items:")
    row = [Bits(1), Bits(2)]
    first = row[0]
    row[tag("index", 0)] += tag("value", 40)
    row[-1] <<= 3
    print(row, first is row[0])
    by_name = {"a": Money(1), "b": Money(2)}
    by_name[str("b")] += Money(tag("money", 10))
    print(by_name)
    shelf = Shelf()
    shelf[tag("shelf index", 1)] += tag("shelf value", 5)
    print(shelf.slots)

    print("lists:")
    xss = [[1], [2]]
    inner = xss[0]
    xss[0] += [5]
    xss[1] *= 3
    print(xss, inner is xss[0])
    lists = {"k": [1]}
    lists["k"] += [2, 3]
    print(lists)
    wallet_of(w).history += [7, 8]
    w.history *= 2
    print(w.history)

    print("a missing key:")
    by_name["zz"] += Money(1)
    print("not reached")


if __name__ == "__main__":
    main()

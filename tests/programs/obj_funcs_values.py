"""Functions as values: top-level functions, static methods and bound
methods stored in variables, lists, dicts and attributes, passed,
returned and called, including a call of a call's result."""
from collections.abc import Callable

from pythos.lang import i32, u8


def double(x: int) -> int:
    return x * 2


def negate(x: int) -> int:
    return -x


def shout(s: str) -> str:
    return s.upper() + "!"


def is_even(n: int) -> bool:
    return n % 2 == 0


def wrap8(x: u8) -> u8:
    return x + u8(200)


def small(x: i32) -> i32:
    return x * i32(-3)


def apply_twice(f: Callable[[int], int], x: int) -> int:
    return f(f(x))


def pick(name: str) -> Callable[[int], int]:
    if name == "double":
        return double
    return negate


def make_adder(n: int) -> Callable[[int], Callable[[int], int]]:
    def first(a: int) -> Callable[[int], int]:
        def second(b: int) -> int:
            return n + a + b
        return second
    return first


class Counter:
    def __init__(self, name: str) -> None:
        self.name = name
        self.count = 0

    def bump(self, by: int) -> int:
        self.count += by
        return self.count

    def label(self) -> str:
        return f"{self.name}={self.count}"

    @staticmethod
    def unit() -> int:
        return 1


class Loud(Counter):
    def bump(self, by: int) -> int:
        self.count += by * 10
        return self.count


class Button:
    def __init__(self, on_click: Callable[[int], int]) -> None:
        self.on_click = on_click

    def click(self, n: int) -> int:
        return self.on_click(n)


def bound_to_temporary() -> Callable[[int], int]:
    # The only reference to the Counter is the bound method's.
    return Counter("temp").bump


def main() -> None:
    f = double
    print(f(21), apply_twice(f, 3), apply_twice(negate, 5))
    table: dict[str, Callable[[int], int]] = {"d": double, "n": negate}
    for key in ["d", "n"]:
        print(key, table[key](7))
    chain: list[Callable[[int], int]] = [double, negate, double]
    x = 1
    for g in chain:
        x = g(x)
    print(x, pick("double")(4), pick("other")(4))
    print(make_adder(100)(20)(3), make_adder(1)(1)(1))
    s: Callable[[str], str] = shout
    b: Callable[[int], bool] = is_even
    w: Callable[[u8], u8] = wrap8
    m: Callable[[i32], i32] = small
    print(s("hey"), b(4), b(7), w(u8(100)), m(i32(7)))
    c = Counter("c")
    loud = Loud("l")
    bumps: list[Callable[[int], int]] = [c.bump, loud.bump]
    print([h(2) for h in bumps], c.count, loud.count)
    label = c.label
    c.bump(5)
    print(label(), Counter.unit(), (Counter.unit)())
    button = Button(c.bump)
    print(button.click(1), button.click(1), c.count)
    button.on_click = double
    print(button.click(8))
    temp = bound_to_temporary()
    print(temp(3), temp(4))
    print(f is double, table["d"] is table["d"])


if __name__ == "__main__":
    main()

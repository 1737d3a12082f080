"""Closures: nested functions and lambdas over enclosing locals, cells
shared between a function and its closures and between sibling closures,
nonlocal, late binding, closures that outlive their frame, and a closure
that refers to itself (a cycle the collector frees)."""
from collections.abc import Callable

from pythos.lang import u8


def make_counter(start: int) -> tuple[Callable[[], int], Callable[[], int]]:
    n = start

    def up() -> int:
        nonlocal n
        n += 1
        return n

    def down() -> int:
        nonlocal n
        n -= 1
        return n

    return up, down


def late_binding() -> list[int]:
    fs: list[Callable[[], int]] = []
    for i in range(4):
        fs.append(lambda: i * i)  # noqa: B023 (late binding is the point)
    return [f() for f in fs]


def sees_later_assignment() -> str:
    word = "before"

    def show() -> str:
        return "[" + word + "]"

    first = show()
    word = "after"
    return first + show()


def param_cell(limit: int, names: list[str]) -> Callable[[str], bool]:
    def allowed(name: str) -> bool:
        return len(name) <= limit and name not in names
    names.append("root")
    return allowed


def fib_closure(n: int) -> int:
    memo: dict[int, int] = {}

    def fib(k: int) -> int:
        if k < 2:
            return k
        if k in memo:
            return memo[k]
        value = fib(k - 1) + fib(k - 2)
        memo[k] = value
        return value

    return fib(n)


def two_levels(base: int) -> Callable[[int], Callable[[int], int]]:
    scale = 10

    def middle(m: int) -> Callable[[int], int]:
        return lambda x: base + m * scale + x

    return middle


def flags() -> str:
    seen = False
    small = u8(250)

    def mark() -> None:
        nonlocal seen, small
        seen = not seen
        small += u8(3)

    mark()
    out = f"{seen} {small}"
    mark()
    return out + f" {seen} {small}"


def accumulate(items: list[str]) -> str:
    text = ""

    def add(s: str) -> None:
        nonlocal text
        text = text + s if not text else text + "," + s

    for item in items:
        add(item)
    return text


def make_adder(k: int) -> Callable[[int], int]:
    return lambda x: x + k


def main() -> None:
    up, down = make_counter(10)
    print(up(), up(), down(), up())
    other_up, _ = make_counter(0)
    print(other_up(), up())
    print(late_binding(), sees_later_assignment())
    names = ["admin"]
    ok = param_cell(5, names)
    print(ok("bob"), ok("admin"), ok("root"), ok("toolong"), names)
    print(fib_closure(30), fib_closure(1))
    middle = two_levels(1000)
    f = middle(3)
    print(f(4), middle(5)(6))
    print(flags(), accumulate(["a", "b", "c"]), accumulate([]))
    adders = [make_adder(k) for k in range(3)]
    print([a(100) for a in adders])


if __name__ == "__main__":
    main()

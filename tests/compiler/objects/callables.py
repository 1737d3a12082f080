"""Functions as values: top-level functions, bound methods, lambdas,
closures with nonlocal, and default arguments of immutable types."""
from collections.abc import Callable


def twice(f: Callable[[int], int], x: int) -> int:
    return f(f(x))


def inc(x: int) -> int:
    return x + 1


class Counter:
    def __init__(self) -> None:
        self.count = 0

    def add(self, n: int) -> int:
        self.count += n
        return self.count


def make_counter(start: int) -> Callable[[], int]:
    count = start

    def step() -> int:
        nonlocal count
        count += 1
        return count

    return step


def greet(name: str, greeting: str = "hello", times: int = 1,
          tag: tuple[int, int] = (1, 2), extra: str | None = None) -> str:
    return f"{greeting} {name} {times} {tag[0]} {extra}"


def main() -> None:
    print(twice(inc, 1), twice(lambda v: v * 3, 2))
    c = Counter()
    add = c.add
    print(add(2), twice(c.add, 1))
    step = make_counter(10)
    print(step(), step())
    ops: list[Callable[[int], int]] = [inc, lambda v: -v]
    print([op(5) for op in ops], greet("ann"))


if __name__ == "__main__":
    main()

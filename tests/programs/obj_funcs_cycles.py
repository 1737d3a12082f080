"""Closures in reference cycles: a nested function that calls itself
(its cell holds the closure, which holds the cell), a closure stored in
the object it captures, and a bound method stored in its own instance.
Reference counting cannot free them; gc.collect() does."""
import gc
from collections.abc import Callable


def nothing() -> str:
    return "nothing"


class Widget:
    def __init__(self, name: str) -> None:
        self.name = name
        self.handler: Callable[[], str] = nothing

    def describe(self) -> str:
        return "widget " + self.name


def countdown(n: int) -> list[int]:
    out: list[int] = []

    def step(k: int) -> None:
        if k > 0:
            out.append(k)
            step(k - 1)

    step(n)
    return out


def self_handler(name: str) -> str:
    w = Widget(name)
    w.handler = lambda: "handled " + w.name
    return w.handler()


def own_method(name: str) -> str:
    w = Widget(name)
    w.handler = w.describe
    return w.handler()


def main() -> None:
    for i in range(3):
        print(countdown(i + 2), self_handler(f"w{i}"), own_method(f"m{i}"))
    # Each call above left cycles behind; the collector finds them.
    print(gc.collect() > 0)


if __name__ == "__main__":
    main()

"""The StopIteration that ends a generator shows its return value, as
CPython's report and str(e) do (for a str or an int value)."""
from collections.abc import Generator


def numbered() -> Generator[int, None, int]:
    yield 1
    return 42


def named() -> Generator[int, None, str]:
    yield 1
    return "the end"


def nothing() -> Generator[int, None, None]:
    yield 1


def main() -> None:
    n = numbered()
    next(n)
    try:
        next(n)
    except StopIteration as e:
        print("next:", e)
    t = nothing()
    next(t)
    try:
        t.send(None)
    except StopIteration as e:
        print("no value:", repr(str(e)))
    thrown = numbered()
    next(thrown)
    try:
        thrown.throw(ValueError("v"))
    except ValueError as e:
        print("thrown:", e)
    s = named()
    print(next(s))
    print(s.send(None))


if __name__ == "__main__":
    main()

"""close() and throw() of a running generator are "generator already executing";
a return in a finally ends a thrown-into or closed generator quietly."""
from collections.abc import Generator


SELF: list[Generator[int, None, None]] = []


def closes_itself() -> Generator[int, None, None]:
    try:
        SELF[0].close()
    except ValueError as e:
        print("ValueError:", e)
    try:
        SELF[0].throw(KeyError("x"))
    except ValueError as e:
        print("ValueError:", e)
    yield 1


def returns_in_finally() -> Generator[int, None, int]:
    try:
        yield 1
    finally:
        print("finally returns")
        return 7


def main() -> None:
    g = closes_itself()
    SELF.append(g)
    print(next(g))
    SELF.clear()
    r = returns_in_finally()
    next(r)
    try:
        r.throw(ValueError("v"))
    except StopIteration:
        print("StopIteration after return in finally")
    r2 = returns_in_finally()
    next(r2)
    r2.close()
    print("done")


if __name__ == "__main__":
    main()

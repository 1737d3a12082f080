"""yield in every clause of try (body, except, else, finally), nested, and in with."""
from collections.abc import Generator, Iterator


class Lock:
    def __init__(self) -> None:
        self.held = False

    def __enter__(self) -> "Lock":
        self.held = True
        print("locked")
        return self

    def __exit__(self, *exc: object) -> None:
        self.held = False
        print("unlocked")


def clauses(fail: bool) -> Iterator[str]:
    try:
        yield "body"
        if fail:
            raise ValueError("failed")
    except ValueError as e:
        yield f"except {e}"
    else:
        yield "else"
    finally:
        yield "finally"
    yield "after"


def nested() -> Generator[int, None, None]:
    try:
        try:
            yield 1
            raise KeyError("k")
        finally:
            yield 2
    except KeyError:
        yield 3
    try:
        yield 4
    finally:
        try:
            yield 5
        except IndexError:
            yield 6


def locked(lock: Lock) -> Iterator[bool]:
    with lock:
        yield lock.held
        with lock:
            yield lock.held
    yield lock.held


def sent() -> Generator[int, str, None]:
    total = 0
    try:
        while True:
            word = yield total
            total += len(word)
    finally:
        print("total", total)


def loop_with_break() -> Iterator[int]:
    for i in range(5):
        try:
            if i == 3:
                break
            yield i
        finally:
            print("finally", i)
    yield 99


def main() -> None:
    print(list(clauses(False)))
    print(list(clauses(True)))
    print(list(nested()))
    g = nested()
    print(next(g), next(g), next(g), next(g), next(g))
    print(g.throw(IndexError("i")))
    print(list(locked(Lock())))
    s = sent()
    next(s)
    print(s.send("ab"), s.send("cde"))
    s.close()
    print(list(loop_with_break()))


if __name__ == "__main__":
    main()

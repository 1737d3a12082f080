"""A generator whose body drops the last reference to itself while it runs
is kept alive until the resume returns (then it is dropped, running its
finally)."""
from collections.abc import Iterator


class Holder:
    def __init__(self) -> None:
        self.task: Iterator[str] | None = None


HOLDER = Holder()
running: list[Iterator[str]] = []


def selfish(name: str) -> Iterator[str]:
    try:
        print(name, "starts and drops the last reference to itself")
        HOLDER.task = None
        running.clear()
        words = [name, "still", "here"]
        yield " ".join(words)
        yield "never"
    finally:
        print(name, "finally")


def replaces_itself(name: str) -> Iterator[str]:
    global CURRENT
    try:
        print(name, "replaces the global that holds it")
        CURRENT = selfish("c")
        yield f"{name} still here"
    finally:
        print(name, "finally")


CURRENT: Iterator[str] = selfish("unused")


def main() -> None:
    global CURRENT
    CURRENT = replaces_itself("g")
    print(next(CURRENT))
    HOLDER.task = selfish("a")
    if HOLDER.task is not None:
        print(next(HOLDER.task))
    print("after a")
    running.append(selfish("b"))
    print(next(running[0]))
    print("end of main")


if __name__ == "__main__":
    main()

"""`await` wherever a `yield` may stand: inside larger expressions, in
`with` blocks, in `except` and `finally` clauses, and a coroutine
cancelled (closed) while it waits inside them runs its cleanups."""

from collections.abc import Generator


class Tick:
    """A future that is ready on the second poll."""

    def __init__(self, value: int) -> None:
        self.value = value
        self.polled = False

    def __await__(self) -> Generator[None, None, int]:
        if not self.polled:
            self.polled = True
            yield
        return self.value


class Guard:
    def __init__(self, log: list[str], name: str) -> None:
        self.log = log
        self.name = name

    def __enter__(self) -> "Guard":
        self.log.append(f"enter {self.name}")
        return self

    def __exit__(self, *exc: object) -> None:
        self.log.append(f"exit {self.name}")


async def number(n: int) -> int:
    return await Tick(n)


async def sums(log: list[str]) -> int:
    total = 10 + await number(1) * await number(2)
    log.append(f"in expression {total}")
    with Guard(log, "outer"):
        total += await number(3)
    try:
        raise ValueError("v")
    except ValueError:
        total += await number(4)
    finally:
        total += await number(5)
    log.append(f"after clauses {total}")
    return total


async def waits_forever(log: list[str]) -> int:
    with Guard(log, "cancelled"):
        try:
            while True:
                await Tick(0)
        finally:
            log.append("finally ran")


def drive(log: list[str]) -> int:
    coro = sums(log)
    polls = 0
    while True:
        polls += 1
        try:
            coro.send(None)
        except StopIteration as e:
            result: int = e.value
            log.append(f"polls {polls}")
            return result


def main() -> None:
    log: list[str] = []
    print(drive(log))
    stuck = waits_forever(log)
    for _ in range(3):
        stuck.send(None)
    stuck.close()
    print(log)


if __name__ == "__main__":
    main()

"""Methods with *args and **kwargs called through the base class: the
run-time class's method runs with its own defaults, and the packed tuple
and dict pass through the vtable; a generator function with *args."""

from typing import Iterator


def scaled(*xs: int, scale: int = 1) -> Iterator[int]:
    for x in xs:
        yield x * scale


class Sink:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def log(self, level: int = 1, *parts: str, **meta: int) -> str:
        line = f"Sink{level}{parts}{meta}"
        self.seen.append(line)
        return line


class Loud(Sink):
    def log(self, level: int = 2, *parts: str, **meta: int) -> str:
        return super().log(level * 10, *parts, **meta).upper()


class Louder(Loud):
    def log(self, level: int = 3, *parts: str, **meta: int) -> str:
        meta["louder"] = len(parts)
        return Loud.log(self, level, *parts, "!", **meta)


def main() -> None:
    print(list(scaled(1, 2, 3, scale=2)), list(scaled()), sum(scaled(*list(range(5)))))
    sinks: list[Sink] = [Sink(), Loud(), Louder()]
    for s in sinks:
        print(s.log())
        print(s.log(5))
        print(s.log(5, "x", k=1))
        print(s.log(level=3, z=2))
        print(s.log(7, *["p", "q"], **{"a": 1, "b": 2}))
        print(len(s.seen), s.seen[-1])


main()

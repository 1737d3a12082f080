"""Callbacks: lambdas and bound methods registered in a list and an optional
attribute, called through them; a lambda in a method captures self."""
from collections.abc import Callable


class Bus:
    def __init__(self) -> None:
        self.handlers: list[Callable[[str], None]] = []
        self.log: list[str] = []
        self.fallback: Callable[[str], str] | None = None

    def on(self, h: Callable[[str], None]) -> None:
        self.handlers.append(h)

    def emit(self, msg: str) -> None:
        for h in self.handlers:
            h(msg)
        fb = self.fallback
        if fb is not None:
            self.log.append(fb(msg))

    def record(self, msg: str) -> None:
        self.log.append("rec:" + msg)

    def install(self) -> None:
        self.on(lambda m: self.log.append("lambda:" + m))
        self.on(self.record)


def main() -> None:
    bus = Bus()
    bus.install()
    bus.emit("one")
    bus.fallback = lambda m: m.upper()
    bus.emit("two")
    print(bus.log)
    same = bus.record
    print(same is same, bus.fallback is None)


if __name__ == "__main__":
    main()

"""Defaults that may be None or hold a value: dataclass fields, class-level
fields and parameters of type int | None, str | None and bool | None."""

from dataclasses import dataclass


@dataclass
class Conf:
    retries: int | None = 3
    name: str | None = "x"
    on: bool | None = True


class Plain:
    level: int | None = 2

    def __init__(self) -> None:
        self.extra: int | None = None


def f(x: int | None = 3, s: str | None = None) -> str:
    return f"{x} {s}"


def main() -> None:
    print(Conf(), Conf(None, None, None), f(), f(None, "a"), Plain().level, Plain().extra)
    c = Conf()
    c.retries = None
    print(c, c == Conf(None), c != Conf())


if __name__ == "__main__":
    main()

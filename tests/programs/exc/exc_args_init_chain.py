"""e.args through chains of __init__: a class whose __init__ calls its base
class's, which calls BaseException's; one that does work before calling
super().__init__ (args are the constructor's until then); one that never
calls it; and instances and lists as arguments, shown by their repr."""

from dataclasses import dataclass


@dataclass
class Where:
    line: int


class AppError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)


class ConfigError(AppError):
    def __init__(self, key: str, line: int) -> None:
        """A bad key in the configuration."""
        super().__init__(f"{key} at line {line}")
        self.key = key


class Late(Exception):
    def __init__(self, a: int, b: int) -> None:
        self.seen = len(self.args)
        super().__init__(a + b)


class Silent(Exception):
    def __init__(self, where: Where, items: list[int]) -> None:
        self.where = where
        self.items = items


def main() -> None:
    c = ConfigError("port", 7)
    print(c.args, repr(c), str(c), c.key)
    late = Late(2, 3)
    print(late.seen, late.args, repr(late))
    s = Silent(Where(4), [1, 2])
    print(s.args, repr(s), s.args[0] is s.where, s.args[1] is s.items)
    s.items.append(3)
    print(s.args)
    try:
        raise ConfigError("host", 9)
    except AppError as caught:
        print(caught.args, isinstance(caught, ConfigError))
    errors: list[Exception] = [ValueError("v"), KeyError(1), AppError("a"), Late(1, 1)]
    print([e.args for e in errors], [repr(e) for e in errors])
    total = 0
    for e in errors:
        for a in e.args:
            if isinstance(a, int):
                total += a
    print(total)


if __name__ == "__main__":
    main()

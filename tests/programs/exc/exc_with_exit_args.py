"""`__exit__(self, exc_type, exc, tb)` sees the exception leaving a with
block, and suppresses it by returning True (PEP 343)."""


class Suppress:
    """Swallows the exceptions of one class, as contextlib.suppress does."""

    def __init__(self, name: str, only_keys: bool) -> None:
        self.name = name
        self.only_keys = only_keys
        self.seen: list[str] = []

    def __enter__(self) -> "Suppress":
        return self

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> bool:
        self.seen.append(repr(exc))
        print(f"  exit {self.name}: type given {exc_type is not None}, tb given "
              f"{tb is not None}, exc {exc!r}")
        if exc is None:
            return False
        return isinstance(exc, KeyError) or not self.only_keys


class Logged:
    """Sees the exception but returns None: never suppresses."""

    def __enter__(self) -> None:
        print("  logged: enter")

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        print(f"  logged: exit with {exc!r}")


class Faulty:
    """Raises from __exit__ itself: the new exception has the old one as
    its context."""

    def __enter__(self) -> "Faulty":
        return self

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> bool:
        raise RuntimeError(f"exit failed while leaving with {exc!r}")


def lookup(table: dict[str, int], key: str, guard: Suppress) -> int:
    with guard:
        return table[key]
    return -1  # reached only when the KeyError was suppressed


def steps(guard: Suppress) -> int:
    total = 0
    for i in range(6):
        with guard:
            if i == 1:
                continue
            if i == 3:
                raise ValueError(f"step {i}")
            if i == 5:
                break
            total += i
    return total


def main() -> None:
    table = {"a": 1}
    keys = Suppress("keys", True)
    print(lookup(table, "a", keys), lookup(table, "b", keys))
    print(keys.seen)
    everything = Suppress("all", False)
    print("steps", steps(everything))
    try:
        with Suppress("only keys", True):
            print([1, 2][5])
    except IndexError as e:
        print("not suppressed:", repr(e))
    try:
        with Logged():
            raise KeyError("logged")
    except KeyError as e:
        print("after logged:", repr(e))
    with Logged():
        print("  quiet body")
    try:
        with Faulty():
            raise ValueError("inner")
    except RuntimeError as e:
        print("caught", repr(e))
    with Faulty():
        raise ValueError("uncaught inner")


main()

"""Cycles through iterator objects: an instance holds an iterator over a
list, a dict or a zip that holds the instance again.  Once unreachable,
only the cycle collector can free them (the leak check fails otherwise),
and an iterator collected half-way is never walked again."""
import gc
from collections.abc import Iterator


class Walker:
    def __init__(self, name: str) -> None:
        self.name = name
        self.rest: Iterator[Walker] | None = None
        self.by_name: Iterator[str] | None = None
        self.pairs: Iterator[tuple[int, Walker]] | None = None


def list_cycle() -> str:
    w = Walker("list")
    # w -> iterator -> list -> w
    w.rest = iter([w, Walker("other")])
    first = next(w.rest)
    return first.name


def dict_cycle() -> int:
    w = Walker("dict")
    table = {"a": w, "b": Walker("b")}
    # w -> iterator over the dict's keys -> dict -> w
    w.by_name = iter(table)
    return len(table)


def enumerate_cycle() -> int:
    w = Walker("enumerate")
    items = [w, w]
    w.pairs = enumerate(items)
    count = 0
    for i, x in w.pairs:
        count += i
        break
    return count


def zip_cycle() -> str:
    w = Walker("zip")
    w.pairs = zip([1, 2], [w, w])
    n, x = next(w.pairs)
    return f"{n} {x.name}"


def main() -> None:
    print(list_cycle(), dict_cycle(), enumerate_cycle(), zip_cycle())
    print(gc.collect() > 0)
    # An iterator that is exhausted has dropped its list: no cycle left.
    w = Walker("done")
    w.rest = iter([w])
    print([x.name for x in w.rest])
    w.rest = None


if __name__ == "__main__":
    main()

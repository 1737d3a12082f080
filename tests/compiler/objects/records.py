"""@dataclass (frozen, order) and the special methods behind operators
and builtins."""
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0


@dataclass
class Entry:
    key: str
    count: int = 0


class Bag:
    def __init__(self) -> None:
        self.items: list[int] = []

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, item: int) -> bool:
        return item in self.items

    def __getitem__(self, index: int) -> int:
        return self.items[index]

    def __setitem__(self, index: int, value: int) -> None:
        self.items[index] = value

    def __iter__(self) -> Iterator[int]:
        return iter(self.items)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Bag):
            return False
        return self.items == other.items

    def __hash__(self) -> int:
        return len(self.items)

    def __lt__(self, other: "Bag") -> bool:
        return len(self) < len(other)

    def __repr__(self) -> str:
        return f"Bag({self.items})"

    def __bool__(self) -> bool:
        return bool(self.items)


class Temperature:
    def __init__(self) -> None:
        self._celsius = 0

    @property
    def celsius(self) -> int:
        return self._celsius

    @celsius.setter
    def celsius(self, value: int) -> None:
        self._celsius = value


class Countdown:
    def __init__(self, start: int) -> None:
        self.current = start

    def __iter__(self) -> "Countdown":
        return self

    def __next__(self) -> int:
        self.current -= 1
        return self.current


def main() -> None:
    v1, v2 = Version(1, 2), Version(1)
    print(v1 < v2, v1 == v2, sorted([v1, v2]), {v1: "one"}[v1])
    e = Entry("k")
    e.count += 1
    print(e)
    b = Bag()
    b.items.append(3)
    b[0] = 4
    print(len(b), 4 in b, b[0], [x for x in b], b == Bag(), b < Bag(), repr(b), hash(b))
    if b:
        print("non-empty")
    t = Temperature()
    t.celsius = 21
    print(t.celsius, sorted(["ccc", "a"], key=len))


if __name__ == "__main__":
    main()

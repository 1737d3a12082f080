from __future__ import annotations

from dataclasses import dataclass, field


def fresh_names() -> list[str]:
    return ["anon"]


@dataclass
class Inventory:
    owner: str
    items: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    names: list[str] = field(default_factory=fresh_names)
    tags: tuple[str, ...] = ("new",)
    level: int = field(default=3)
    pair: tuple[int, int] = (0, 1)
    note: str | None = None

    def add(self, item: str) -> None:
        self.items.append(item)
        self.counts[item] = self.counts.get(item, 0) + 1


@dataclass(order=True)
class Version:
    major: int
    rest: tuple[int, ...] = ()
    labels: set[str] = field(default_factory=set)


def main() -> None:
    a = Inventory("ann")
    b = Inventory("bob", ["x"])
    a.add("apple")
    a.add("apple")
    b.add("pear")
    print(a)
    print(b)
    print(a.items is b.items, a.names is b.names)
    c = Inventory("cy", level=7, tags=("a", "b"), pair=(5, 6), note="n")
    c.names.append("more")
    print(c, Inventory("d").names)
    print(a == Inventory("ann", ["apple", "apple"], {"apple": 2}))
    vs = [Version(2), Version(1, (3, 4)), Version(1, (2,)), Version(1)]
    vs.sort()
    print(vs)
    vs[0].labels.add("first")
    print(vs[0], vs[1].labels)


if __name__ == "__main__":
    main()

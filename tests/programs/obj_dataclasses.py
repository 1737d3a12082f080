"""Dataclasses: the generated __init__ with defaults and keywords, frozen
instances, the generated == and, with order=True, <, <=, >, >= as on
tuples of the fields; inheritance between dataclasses."""

from dataclasses import dataclass


@dataclass
class Item:
    name: str
    price: int
    count: int = 1

    def total(self) -> int:
        return self.price * self.count


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0


@dataclass
class Discounted(Item):
    percent: int = 10

    def total(self) -> int:
        return super().total() * (100 - self.percent) // 100


@dataclass(order=True)
class Score:
    points: int
    bonus: bool


def newest(a: Version, b: Version) -> Version:
    return a if a >= b else b


def main() -> None:
    a = Item("apple", 30)
    b = Item("pear", 45, 3)
    c = Item(price=30, name="apple")
    print(a.name, a.total(), b.total(), c.count, a == c, a == b, a != b)
    c.count = 4
    print(a == c, c.total())
    d = Discounted("melon", 200, 2)
    e = Discounted("melon", 200, percent=50, count=2)
    print(d.total(), e.total(), d.percent, e.percent, d == e)
    e.percent = 10
    print(d == e, d is e)
    v1 = Version(1, 2)
    v2 = Version(1, 10)
    v3 = Version(2)
    v4 = Version(1, 2, 0)
    print(v1 < v2, v2 < v3, v3 < v1, v1 <= v4, v1 < v4, v1 >= v4, v1 > v4, v1 == v4)
    print(newest(v1, v2).minor, newest(v3, v2).major, newest(v1, v4) is v1)
    s1 = Score(10, False)
    s2 = Score(10, True)
    s3 = Score(-5, True)
    print(s1 < s2, s2 < s1, s3 < s1, s3 > s2, s1 <= s1, s1 == Score(10, False))


if __name__ == "__main__":
    main()

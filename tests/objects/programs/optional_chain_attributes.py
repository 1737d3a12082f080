"""Chained Optional attributes narrowed step by step with `and`, and by
nested ifs."""


class Addr:
    def __init__(self, city: str | None) -> None:
        self.city = city


class Person:
    def __init__(self, name: str, addr: Addr | None) -> None:
        self.name = name
        self.addr = addr


def city_of(p: Person | None) -> str:
    if p is not None and p.addr is not None and p.addr.city is not None:
        return p.addr.city.upper()
    return "?"


def main() -> None:
    people = [Person("a", Addr("oslo")), Person("b", Addr(None)), Person("c", None), None]
    print([city_of(p) for p in people])


if __name__ == "__main__":
    main()

"""Each instance gets its own list when __init__ builds it (the safe
alternative to a shared mutable default)."""


class Bag:
    def __init__(self, items: list[str] | None = None) -> None:
        self.items: list[str] = items if items is not None else []

    def add(self, x: str) -> "Bag":
        self.items.append(x)
        return self


def main() -> None:
    a = Bag().add("a")
    b = Bag().add("b")
    shared = ["s"]
    c = Bag(shared).add("c")
    print(a.items, b.items, c.items, shared, c.items is shared)


if __name__ == "__main__":
    main()

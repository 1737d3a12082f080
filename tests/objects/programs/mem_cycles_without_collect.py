"""Creating many small cycles in a loop, without calling gc.collect():
the collector's allocation threshold must reclaim them as CPython's does."""


class A:
    def __init__(self) -> None:
        self.partner: B | None = None


class B:
    def __init__(self, a: A) -> None:
        self.a = a
        a.partner = self


def main() -> None:
    made = 0
    for _ in range(200000):
        a = A()
        b = B(a)
        if b.a.partner is b:
            made += 1
    print(made)


if __name__ == "__main__":
    main()

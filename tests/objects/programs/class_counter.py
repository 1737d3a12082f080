"""A class with __init__, an attribute and methods that change it."""


class Counter:
    def __init__(self, start: int) -> None:
        self.value = start

    def bump(self, by: int = 1) -> int:
        self.value += by
        return self.value

    def reset(self) -> None:
        self.value = 0


def main() -> None:
    c = Counter(10)
    print(c.bump(), c.bump(5), c.value)
    c.reset()
    print(c.value, c.bump(-3))


if __name__ == "__main__":
    main()

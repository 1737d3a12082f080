"""A generator method that delegates to the method it overrides through
super() (its resume function finds self in the frame)."""

from collections.abc import Iterator


class Base:
    def __init__(self, n: int) -> None:
        self.n = n

    def items(self) -> Iterator[int]:
        for i in range(self.n):
            yield i


class Doubled(Base):
    def items(self) -> Iterator[int]:
        for x in super().items():
            yield x * 2


def main() -> None:
    print(list(Doubled(3).items()))


if __name__ == "__main__":
    main()

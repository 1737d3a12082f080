"""An iterator class: __iter__ returns self and __next__ ends the loop
with StopIteration, as the iterator protocol has it."""


class Countdown:
    def __init__(self, start: int) -> None:
        self.n = start

    def __iter__(self) -> "Countdown":
        return self

    def __next__(self) -> int:
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


def main() -> None:
    for i in Countdown(3):
        print(i)
    print(list(Countdown(5)), sum(Countdown(4)))


if __name__ == "__main__":
    main()

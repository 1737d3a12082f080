"""An iterator class in a for loop, in a comprehension and in sum()."""


class Evens:
    def __init__(self, limit: int) -> None:
        self.n = 0
        self.limit = limit

    def __iter__(self) -> "Evens":
        return self

    def __next__(self) -> int:
        if self.n >= self.limit:
            raise StopIteration
        self.n += 2
        return self.n - 2


def main() -> None:
    for e in Evens(7):
        print(e)
    print([e * e for e in Evens(9)], sum(Evens(11)))


if __name__ == "__main__":
    main()

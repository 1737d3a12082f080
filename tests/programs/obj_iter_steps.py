"""Iterator classes whose __next__ returns a bool; comprehensions over
ranges with a step known only at run time, zip of a descending range."""


class Flags:
    def __init__(self) -> None:
        self.n = 0

    def __iter__(self) -> "Flags":
        return self

    def __next__(self) -> bool:
        if self.n >= 3:
            raise StopIteration
        self.n += 1
        return self.n % 2 == 1


def main() -> None:
    print([f for f in Flags()])
    k = 3
    print([i for i in range(0, 10, k)], [i for i in range(10, 0, -k)])
    for i, w in zip(range(5, -5, -3), "abcdef"):
        print(i, w)
    f = Flags()
    print(next(f), f.__next__())


if __name__ == "__main__":
    main()

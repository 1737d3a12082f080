"""Tuples compare their items with their own __eq__ and hash with
their __hash__."""


class Id:
    def __init__(self, n: int) -> None:
        self.n = n

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Id) and other.n == self.n

    def __hash__(self) -> int:
        return self.n


def main() -> None:
    a = (Id(1), "x")
    b = (Id(1), "x")
    print(a == b, a != (Id(2), "x"), len({a, b}))
    d = {a: "first"}
    print(d[b], (Id(1), "y") in d)


if __name__ == "__main__":
    main()

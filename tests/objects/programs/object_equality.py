"""`object` values (issue 11): `==` and `!=` dispatch on the run-time
kind of the values, with CPython's answers: an int equals the bool of
the same value, a str only a str, None only None, an instance by its
class's `__eq__` (or identity), containers item by item; and `in`,
`count` and `index` of a list of objects use the same equality.  An
int passed to an `other: object` operand method arrives boxed."""


class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Money):
            return self.cents == other.cents
        if isinstance(other, int):
            return self.cents == other * 100
        return False

    def __add__(self, other: object) -> "Money":
        if isinstance(other, int):
            return Money(self.cents + other)
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Money({self.cents})"


class Token:
    pass


def same(a: object, b: object) -> bool:
    return a == b


def main() -> None:
    t = Token()
    values: list[object] = [0, 1, True, False, 2 ** 40, "1", "", b"1", None, Money(100),
                            Money(200), t, [1, 2], (1, "a"), {"k": 1}]
    for a in values:
        print("".join(["=" if same(a, b) else "." for b in values]))
    print([a != b for a, b in zip(values, values[1:])])
    o: object = 1
    print(o == 1, o == True, o == "1", o != 2)  # noqa: E712
    print(1 == o, "x" == o, None == o, o == None)  # noqa: E711
    m: object = Money(300)
    print(m == 3, m == Money(300), m == "3", m != Money(1))
    print(values.count(1), values.index(False), 1 in values, "" in values, t in values,
          Token() in values, Money(200) in values, 3 in values)
    pairs: list[tuple[object, object]] = [(1, True), ("a", "a"), (None, 0), ((1, 2), (1, 2))]
    print([x == y for x, y in pairs])
    total = Money(1) + 2 + Money(3) + True
    seven: object = 7
    print(total, total == seven, seven == total, total == Money(7))


if __name__ == "__main__":
    main()

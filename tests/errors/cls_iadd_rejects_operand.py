# error: 13:5: unsupported operand type for __iadd__ of "Tally": it takes "i64", not "str" (CPython calls it first, whatever the other operand has)
class Tally:
    def __init__(self) -> None:
        self.n = 0

    def __iadd__(self, k: int) -> "Tally":
        self.n += k
        return self


def main() -> None:
    t = Tally()
    t += "one"
    print(t.n)


if __name__ == "__main__":
    main()

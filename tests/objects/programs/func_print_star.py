"""print(*xs): str() of every value, the separator between them (a literal),
for lists, tuples, strs, dicts, ranges and generators, mixed with values."""


class P:
    def __str__(self) -> str:
        return "P!"


def log(*args: object) -> None:
    print(*args)


def main() -> None:
    xs = [1, 2, 3]
    print(*xs)
    print("a", *xs, "b", sep=", ")
    print(*xs, end="|\n")
    empty: list[str] = []
    print(*empty)
    print(*empty, sep="-", end="E\n")
    t = ("x", None, True, b"by", P())
    print(*t)
    log(1, "two", [3], None, P())
    log()
    print(*["é", "ß"], *xs, sep=None)


main()


def more() -> None:
    d = {"k": 1, "j": 2}
    print(*range(3), *"abc", *d, *d.values(), *(x * x for x in range(4)))
    e = ()
    print(*e)
    print(*e, sep="x", end=".\n")
    pair = (1, "a")
    print(*pair, *pair, sep="|")


more()

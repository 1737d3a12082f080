"""List comprehensions with conditions, nesting and expressions."""


def main() -> None:
    xs = list(range(10))
    print([x * x for x in xs], [x for x in xs if x % 3 == 0])
    print([(x, y) for x in range(3) for y in range(x)])
    print([x if x % 2 else -x for x in xs])
    print([[y for y in range(x)] for x in range(4)])
    print([w.upper() for w in "a bb ccc".split() if len(w) > 1])


if __name__ == "__main__":
    main()

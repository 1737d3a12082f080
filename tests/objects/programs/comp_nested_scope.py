"""Comprehension variables do not leak; they may shadow outer names and
read enclosing locals."""


def main() -> None:
    x = 100
    ys = [x for x in range(3)]
    print(x, ys)
    base = 10
    offs = [base + i for i in range(3)]
    print(offs, [[base * r + c for c in range(2)] for r in range(2)])
    names = ["a", "b"]
    print({n: [n * k for k in range(1, 3)] for n in names})


if __name__ == "__main__":
    main()

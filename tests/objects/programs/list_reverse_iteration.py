"""Iterating backwards: reversed(), negative-step slices and ranges."""


def main() -> None:
    xs = ["a", "b", "c", "d", "e"]
    print(list(reversed(xs)), xs[::-1], [xs[i] for i in range(len(xs) - 1, -1, -1)])
    out: list[str] = []
    for i in range(len(xs) - 1, 0, -2):
        out.append(xs[i])
    print(out)
    for x in reversed(xs[1:4]):
        print(x, end=" ")
    print()


if __name__ == "__main__":
    main()

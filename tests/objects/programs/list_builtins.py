"""min, max, sum, any, all, len, enumerate, zip, reversed over lists."""


def main() -> None:
    xs = [4, 8, 15, 16, 23, 42]
    print(min(xs), max(xs), sum(xs), len(xs), sum(xs, 100))
    print(any(x > 40 for x in xs), all(x > 3 for x in xs), any(x < 0 for x in xs), all(x < 0 for x in xs[:0]))
    for i, x in enumerate(xs[:3]):
        print(i, x)
    for i, x in enumerate(xs, 10):
        if i > 11:
            break
        print(i, x)
    print(list(zip(xs, xs[1:])), list(zip([1, 2, 3], ["a", "b"])))
    print(list(reversed(xs)), [x * 2 for x in reversed(xs[:3])])
    print(max([3, 1], key=lambda v: -v), min(["bb", "a", "ccc"], key=len))


if __name__ == "__main__":
    main()

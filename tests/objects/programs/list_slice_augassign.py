"""Augmented assignment to a slice (issue 11): `xs[i:j] += ys` and
`*=` of lists and bytearrays run as CPython runs them: the list and
the bounds once, the slice copied, extended in place, and assigned back
over the same slice (an extended slice that grows is a ValueError)."""

def noisy(tag: str, n: int) -> int:
    print("eval", tag)
    return n


def main() -> None:
    xs = [1, 2, 3, 4]
    xs[1:3] += [9, 9]
    print(xs)
    xs[noisy("lo", -2):noisy("hi", 100)] *= 2
    print(xs)
    names = ["a", "b", "c"]
    alias = names
    names[:1] += ["z"]
    print(names, alias is names)
    ba = bytearray(b"abc")
    ba[0:2] += b"zz"
    print(ba)
    ba[1:] += bytearray(b"!")
    print(ba)
    ba[::2] *= 1
    print(ba)
    grid = [[1, 2], [3, 4]]
    grid[0][:] += grid[1]
    print(grid)
    ys = [1, 2, 3, 4]
    try:
        ys[::2] += [5]
    except ValueError as e:
        print("ValueError:", e)
    print(ys)


if __name__ == "__main__":
    main()

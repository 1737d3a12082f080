"""Packing, unpacking, swapping and nested unpacking."""


def minmax(xs: list[int]) -> tuple[int, int]:
    return min(xs), max(xs)


def main() -> None:
    a, b = 1, 2
    a, b = b, a
    print(a, b)
    lo, hi = minmax([5, -3, 9])
    print(lo, hi)
    t = (1, ("x", True))
    n, (s, flag) = t
    print(n, s, flag, t)
    x, (y, z) = "p", ("q", "r")
    print(z, y, x)
    a, b, c = b, c, a = 7, 8, 9
    print(a, b, c)


if __name__ == "__main__":
    main()

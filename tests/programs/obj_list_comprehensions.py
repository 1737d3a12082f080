def primes(n: int) -> list[int]:
    is_p = [True] * (n + 1)
    is_p[0] = False
    is_p[1] = False
    for i in range(2, n + 1):
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
    return [k for k in range(n + 1) if is_p[k]]


def qsort(xs: list[int]) -> list[int]:
    if len(xs) <= 1:
        return xs
    pivot = xs[0]
    # Each comprehension is an argument: the checker types it against the
    # parameter, and its variable must still be one variable.
    return qsort([x for x in xs[1:] if x < pivot]) + [pivot] + \
        qsort([x for x in xs[1:] if x >= pivot])


def main() -> None:
    squares = [i * i for i in range(6)]
    print(squares)
    evens = [x for x in squares if x % 2 == 0]
    print(evens)
    pairs = [a * 10 + b for a in range(3) for b in range(a) if a != b]
    print(pairs)
    words = ["x", "yy", "zzz"]
    lengths = [len(w) for w in words]
    print(lengths, [w for w in words if len(w) > 1])
    grid = [[0] * 3 for _ in range(3)]
    grid[0][1] = 5
    print(grid)
    print(primes(30))
    nested = [[j for j in range(i)] for i in range(4)]
    print(nested)
    print(qsort([5, 2, 8, 2, 9, 1]))


if __name__ == "__main__":
    main()

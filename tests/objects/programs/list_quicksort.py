"""Functional quicksort with comprehensions and list concatenation, and
an in-place one with index swaps."""


def qsort(xs: list[int]) -> list[int]:
    if len(xs) <= 1:
        return xs
    pivot = xs[0]
    return qsort([x for x in xs[1:] if x < pivot]) + [pivot] + qsort([x for x in xs[1:] if x >= pivot])


def qsort_inplace(a: list[int], lo: int, hi: int) -> None:
    if lo >= hi:
        return
    p = a[(lo + hi) // 2]
    i, j = lo, hi
    while i <= j:
        while a[i] < p:
            i += 1
        while a[j] > p:
            j -= 1
        if i <= j:
            a[i], a[j] = a[j], a[i]
            i += 1
            j -= 1
    qsort_inplace(a, lo, j)
    qsort_inplace(a, i, hi)


def main() -> None:
    seed = 7
    data: list[int] = []
    for _ in range(200):
        seed = (seed * 1103515245 + 12345) % 2147483648
        data.append(seed % 1000)
    s = qsort(data)
    b = data.copy()
    qsort_inplace(b, 0, len(b) - 1)
    print(s[:10], s[-5:], s == sorted(data), b == s)


if __name__ == "__main__":
    main()

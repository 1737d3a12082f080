"""Loops whose index only counts up (`i += c`, c >= 0): the compiler
builds them twice, behind a test `i >= 0` made before the loop, and
drops negative-index paths in the first copy.  Started below 0 (items
counted from the end, then from the start again), at 0, with other
variables moving the other way, with a `break` and an `else`: every
result must be CPython's."""

from pythos.lang import i64, Array

A = Array[i64, 10]()


def partition(lo: int, hi: int, pivot: i64) -> int:
    """Hoare's partition of A[lo..hi] around `pivot` (a value in it)."""
    i = lo
    j = hi
    while i <= j:
        while A[i] < pivot:
            i += 1
        while A[j] > pivot:
            j -= 1
        if i <= j:
            t = A[i]
            A[i] = A[j]
            A[j] = t
            i += 1
            j -= 1
    return i


def window_sum(i: int, n: int) -> i64:
    """Sums n items from i on, `i` crossing from the end to the start."""
    s = i64(0)
    k = 0
    while k < n:
        s += A[i] * i64(k + 1)
        i += 1
        k += 1
    return s


def strided(i: int, step_twice: bool) -> str:
    out = ""
    while i < 9:
        out += f"{A[i]},"
        i += 2
        if step_twice:
            i += 1
        if A[i - 2] == 0:
            out += "zero;"
            break
    else:
        out += "end"
    return out


def show() -> str:
    return " ".join(str(A[k]) for k in range(10))


def main() -> None:
    for k in range(10):
        A[k] = i64((k * 7) % 10 - 3)
    print(show())
    print(window_sum(0, 10), window_sum(-4, 8), window_sum(-10, 3), window_sum(5, 0))
    print(strided(0, False), strided(-9, True), strided(-3, False))
    print(partition(0, 9, i64(2)), show())
    for k in range(10):
        A[k] = i64((k * 3) % 10)
    print(partition(-10, -1, i64(4)), show())
    print(partition(-6, 2, i64(5)), show())


if __name__ == "__main__":
    main()

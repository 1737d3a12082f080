"""A loop whose index only counts up runs past the end of its array in
the copy built behind `i >= 0`, where the check has no negative-index
path left: it still panics at index 6, where CPython raises IndexError,
after the lines printed before."""

from pythos.lang import i64, Array

A = Array[i64, 6]()


def total(i: int, n: int) -> i64:
    s = i64(0)
    while n > 0:
        s += A[i]
        print("at", i, s)
        i += 2
        n -= 1
    return s


def main() -> None:
    for k in range(6):
        A[k] = i64(k + 1)
    print(total(-5, 3), total(1, 3))
    print(total(0, 4))
    print("not reached")


if __name__ == "__main__":
    main()

"""A loop with a negative step walks from valid negative indexes to one
past the start of the array: the fix-up for negative indexes stays, and
the check panics at -6 on an array of 5."""

from pythos.lang import i64, Array

A = Array[i64, 5]()


def walk(start: int, stop: int, step: int) -> i64:
    s = i64(0)
    for i in range(start, stop, step):
        A[i] = i64(i)
        s += A[i]
        print(i, s)
    return s


def main() -> None:
    print(walk(4, -1, -1))
    print(walk(-1, -7, -1))
    print("not reached")


if __name__ == "__main__":
    main()

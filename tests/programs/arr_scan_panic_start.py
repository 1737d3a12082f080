"""A scan loop whose index starts past the end of its array: the first
check fails, in the copy of the loop without the negative-index path
and again in the copy with it, which panics at index 12, where CPython
raises IndexError."""

from pythos.lang import i64, Array

A = Array[i64, 8]()


def scan(i: int, x: i64) -> int:
    while A[i] < x:
        i += 1
    return i


def main() -> None:
    print(scan(0, 0), scan(-8, 0), scan(7, 0), scan(-1, 0))
    print(scan(12, 1))
    print("not reached")


if __name__ == "__main__":
    main()

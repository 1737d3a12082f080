"""A scan loop that counts down through 0 into the negative indexes
(Python's items from the end) and then past the array's start: the
items from the end are read as CPython reads them, and the panic comes
at index -9, where CPython raises IndexError."""

from pythos.lang import i64, Array

A = Array[i64, 8]()


def scan(j: int, x: i64) -> int:
    while A[j] > x:
        print("pass", j, A[j])
        j -= 1
    return j


def main() -> None:
    for k in range(8):
        A[k] = i64(100 - k)
    print(scan(7, 96))
    print(scan(2, 0))
    print("not reached")


if __name__ == "__main__":
    main()

"""A scan loop that counts up past the end of its array (no item stops
it): the copy of the loop without the negative-index path leaves for
the one with the whole check, which panics at index 8, where CPython
raises IndexError, after the lines printed before."""

from pythos.lang import i64, Array

A = Array[i64, 8]()


def scan(i: int, x: i64) -> int:
    while A[i] < x:
        print("pass", i)
        i += 1
    return i


def main() -> None:
    for k in range(8):
        A[k] = i64(k * k)
    print(scan(-3, 40))
    print(scan(2, 100))
    print("not reached")


if __name__ == "__main__":
    main()

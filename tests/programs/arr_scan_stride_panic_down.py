"""A scan that runs four turns at a time going down, by 2
(`while A[j] > x: j -= 2`), and that no item stops: from the groups of
four it goes on one checked turn at a time, through 0 into the negative
indexes (the end of the array), and panics at index -17, where CPython
raises IndexError, after the lines printed before."""

from pythos.lang import Array, i64

A = Array[i64, 16]()


def down(j: int, x: i64) -> int:
    while A[j] > x:
        j -= 2
    return j


def main() -> None:
    for k in range(16):
        A[k] = i64(k)
    print(down(15, 8), down(14, 0), down(3, -1) if A[1] > 5 else 1)
    print(down(15, -1))
    print("not reached")


if __name__ == "__main__":
    main()

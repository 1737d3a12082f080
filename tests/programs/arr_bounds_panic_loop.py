"""A range loop with a runtime bound larger than the array: the loop the
compiler copies without checks must not run, and the index check panics
at the first index out of range, after the lines printed before it."""

from pythos.lang import u32, Array

A = Array[u32, 8]()


def fill(n: int) -> None:
    for i in range(n):
        A[i] = u32(i * i)
        print(i, A[i])


def main() -> None:
    fill(6)
    fill(10)
    print("not reached")


if __name__ == "__main__":
    main()

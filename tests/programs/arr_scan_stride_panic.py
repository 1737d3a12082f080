"""A scan that runs four turns at a time (`while A[i] < x: i += 1`) and
that no item stops: its groups of four end at N - 4, the checked turns
take over from there, and the panic comes at index 16, where CPython
raises IndexError, after the lines printed before."""

from pythos.lang import Array, i64

A = Array[i64, 16]()


def up(i: int, x: i64) -> int:
    while A[i] < x:
        i += 1
    return i


def main() -> None:
    for k in range(16):
        A[k] = i64(k)
    print(up(0, 15), up(-16, 3))
    print(up(1, 100))
    print("not reached")


if __name__ == "__main__":
    main()

"""Array loops whose index checks the compiler may remove (range loops
over the array, guarded copies of loops with runtime bounds) next to ones
it must keep (reassigned loop variables, computed indexes, negative
indexes, negative steps), all in range, so CPython and compiled agree."""

from typing import Final

from pythos.lang import i8, i64, u8, u64, Array

N: Final = 16
A = Array[i64, N]()
B = Array[u8, 300]()


def fill(n: int) -> None:
    for i in range(n):
        A[i] = i * 7 % 11


def total_len(a: Array[i64, 16]) -> i64:
    s = i64(0)
    for i in range(len(a)):
        s += a[i]
    return s


def backwards(n: int) -> int:
    s = 0
    for i in range(n - 1, -1, -1):
        s = s * 3 + A[i]
    return s


def stepped(start: int, stop: int, step: int) -> int:
    s = 0
    for i in range(start, stop, step):
        s += A[i] * (i + 1)
    return s


def neighbours() -> int:
    s = 0
    for i in range(N - 1):
        s += A[i] * A[i + 1]
    for i in range(N // 2):
        s += A[2 * i]
    for i in range(1, N):
        s -= A[i - 1]
    return s


def negative_indexes() -> int:
    s = 0
    for i in range(-N, 0):
        s = s * 2 + A[i]
    for i in range(-1, -N - 1, -3):
        s += A[i]
    return s


def reassigned(n: int) -> int:
    s = 0
    for i in range(n):
        i = i // 2
        s += A[i]
    for i in range(n):
        if i % 2 == 0:
            i = N - 1 - i
        s = s * 5 % 1000003 + A[i]
    return s


def nested(n: int) -> int:
    s = 0
    for i in range(n):
        for j in range(i, n):
            s += A[i] * A[j]
    return s


def small_index_big_array() -> u64:
    h = u64(0)
    for k in range(u8(255)):
        B[k] = u8(k * 3)
    for j in range(i8(-100), i8(100)):
        h = h * 31 + u64(B[j])
    return h


def early_exit(limit: int) -> int:
    found = -1
    for i in range(limit):
        if A[i] == 10:
            found = i
            break
        print(A[i], end=" ")
    else:
        print("none", end=" ")
    print()
    return found


def main() -> None:
    fill(N)
    print("total", total_len(A))
    print("backwards", backwards(N), backwards(5), backwards(0))
    print("stepped", stepped(0, N, 3), stepped(N - 1, 0, -4), stepped(2, 2, 1),
          stepped(-3, -N, -2), stepped(-N, N, 5))
    print("neighbours", neighbours())
    print("negative", negative_indexes())
    print("reassigned", reassigned(N))
    print("nested", nested(N), nested(3))
    print("small", small_index_big_array())
    print("exit", early_exit(N), early_exit(3))


if __name__ == "__main__":
    main()

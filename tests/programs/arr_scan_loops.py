"""Scan loops, `while A[i] < x: i += 1` and the like, whose test indexes
an array: the compiler builds such a loop twice, and the first copy
leaves for the second, which has the whole check, as soon as an index
is outside [0, len).  Every case here must print what CPython prints:
indexes that start negative (counting from the end), that run from the
end of the array into its start, that are reassigned in the body, and
tests that do something before (or besides) their index."""

from pythos.lang import i8, i64, u8, Array

A = Array[i64, 8]()
B = Array[u8, 6]()
calls = 0


def scan_up(i: int, x: i64) -> int:
    while A[i] < x:
        i += 1
    return i


def scan_down(j: int, x: i64) -> int:
    while A[j] > x:
        j -= 1
    return j


def scan_bytes(data: bytes, k: int) -> int:
    while data[k] != 0x2C:
        k += 1
    return k


def jumps(i: int) -> int:
    """The index is reassigned in the body, up and down."""
    steps = 0
    while A[i] != 99 and steps < 8:
        print("  at", i, A[i])
        if A[i] % 2 == 0:
            i = -i + 1
        else:
            i = i // 2 - 3
        steps += 1
    return i


def counted(i: int) -> bool:
    global calls
    calls += 1
    return i < 100


def called_first(i: int) -> int:
    """A call before the index in the test: that loop is built once."""
    while counted(i) and A[i] < 30:
        i += 2
    return i


def two_indexes(i: int, j: int) -> int:
    while A[i] < A[j]:
        i += 1
        j -= 1
    return i * 100 + j


def with_else(i: i8, x: i64) -> int:
    while A[i] < x:
        i += 1
        if i == 5:
            print("  break at", i)
            break
    else:
        print("  else at", i)
    return int(i)


def with_continue(i: int) -> int:
    total = 0
    while B[i] != 0:
        i -= 1
        if B[i] == 3:
            continue
        total += int(B[i])
    return total * 10 + i


def main() -> None:
    for k in range(8):
        A[k] = i64(10 * k - 20)  # -20 -10 0 10 20 30 40 50
    for k in range(6):
        B[k] = u8(k)
    print(scan_up(0, 25), scan_up(2, 0), scan_up(-8, 5), scan_up(-3, 45))
    print(scan_up(-8, -20), scan_up(-2, 50), scan_up(7, 50))
    print(scan_down(7, 15), scan_down(3, -15), scan_down(-1, 35), scan_down(2, -20))
    A[0] = 100
    print(scan_down(2, -5), scan_down(0, 45), scan_down(-6, 60))
    A[0] = -20
    print(scan_bytes(b"ab,cd", 0), scan_bytes(b"ab,cd", -4), scan_bytes(b"x,,,y", -1 - 4))
    A[3] = 99
    A[5] = 31
    print("jumps", jumps(6))
    print("jumps", jumps(-2))
    print("jumps", jumps(5))
    A[3] = 10
    A[5] = 30
    print(called_first(0), called_first(-8), calls)
    A[6] = -100
    print(two_indexes(0, 7), two_indexes(-8, -1), two_indexes(5, 1))
    A[6] = 40
    print(with_else(i8(0), 15), with_else(i8(-8), 100), with_else(i8(3), 0))
    print(with_continue(5), with_continue(-1), with_continue(2))


if __name__ == "__main__":
    main()

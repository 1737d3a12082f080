"""Scan loops whose body only steps the index (`while A[i] < x: i += 1`),
which the compiler runs four turns at a time while all four indexes are
in range, with no check, and one checked turn at a time near the ends
of the array or outside it.  Every case must print what CPython prints:
scans that stop on their first item, at each place inside a group and
past several groups, at the first and last index, that start on the last
index a group of four can start on (N - 4 going up, 3 going down) and
one past it (and so for groups of eight), that start negative (counting
from the end) or run below 0 into the end of the array, steps of 2 and
3, an index with an offset (`A[i + 1]`, `A[k - 2]`), and an array too
short for a group."""

from pythos.lang import Array, i64

N = 32
A = Array[i64, 32]()
SHORT = Array[i64, 5]()


def up(i: int, x: i64) -> int:
    while A[i] < x:
        i += 1
    return i


def down(j: int, x: i64) -> int:
    while A[j] > x:
        j -= 1
    return j


def up_by_two(i: int, x: i64) -> int:
    while A[i] < x:
        i += 2
    return i


def down_by_three(j: int, x: i64) -> int:
    while x < A[j]:
        j -= 3
    return j


def next_is_small(i: int, x: i64) -> int:
    while A[i + 1] < x:
        i += 1
    return i


def two_back_is_big(k: int, x: i64) -> int:
    while A[k - 2] > x and k > -40:
        k -= 1
    return k


def short_up(i: int, x: i64) -> int:
    while SHORT[i] < x:
        i += 1
    return i


def main() -> None:
    for k in range(N):
        A[k] = i64(10 * k)  # 0 10 20 ... 310
    for k in range(5):
        SHORT[k] = i64(k)
    # Stops on the first item, at each place of a group, and past it.
    print("up", [up(0, i64(10 * x - 5)) for x in range(12)], up(0, 175), up(0, 310))
    # Starts at N - 4 (the last start of a group of four), N - 3, N - 8,
    # N - 7 (the same for eight), N - 1.
    print("up end", up(N - 4, 310), up(N - 3, 310), up(N - 4, 295), up(N - 8, 310),
          up(N - 7, 310), up(N - 1, 310), up(N - 8, 285))
    # Negative starts count from the end; a stop on the last item.
    print("up neg", up(-32, 35), up(-1, 310), up(-9, 300), up(-32, 0), up(-20, 200))
    print("down", [down(N - 1, i64(310 - 10 * x + 5)) for x in range(12)], down(N - 1, 0))
    # Starts at 3 (the last start of a group of four going down), 2, 7,
    # 6 (the same for eight), 0.
    print("down start", down(3, 0), down(2, 0), down(3, 15), down(7, 0), down(6, 0),
          down(7, 25), down(0, 0))
    # Below 0 into the end of the array, where A[-2] (300) stops it.
    for k in range(8):
        A[k] = 1000
    print("down wrap", down(7, 305), down(9, 305), down(3, 305), down(-2, 250))
    for k in range(8):
        A[k] = i64(10 * k)
    print("steps", up_by_two(0, 75), up_by_two(1, 75), up_by_two(-31, 300),
          down_by_three(31, 40), down_by_three(30, 0), down_by_three(4, 15))
    print("offset", next_is_small(-1, 35), next_is_small(-1, 0), next_is_small(20, 305),
          two_back_is_big(33, 60), two_back_is_big(6, 1000))
    print("short", short_up(0, 4), short_up(-5, 1), short_up(1, 3))


if __name__ == "__main__":
    main()

"""Scan loops whose body only steps the index (`while A[i] < x: i += 1`),
which the compiler runs four turns at a time while all four indexes are
in range, with no check, and one checked turn at a time near the ends
of the array or outside it.  Every case must print what CPython prints:
scans that stop on their first item, at each place inside a group of
four, at the first and last index, that start on the last index a group
of four can start on (N - 4 going up, 3 going down) and one past it, that
start negative (counting from the end) or run below 0 into the end of
the array, steps of 2 and 3, an index with an offset (`A[i + 1]`,
`A[k - 2]`), and an array too short for a group of four."""

from pythos.lang import i64, Array

N = 16
A = Array[i64, 16]()
SHORT = Array[i64, 3]()


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
    while A[k - 2] > x and k > -20:
        k -= 1
    return k


def short_up(i: int, x: i64) -> int:
    while SHORT[i] < x:
        i += 1
    return i


def main() -> None:
    for k in range(N):
        A[k] = i64(10 * k)  # 0 10 20 ... 150
    for k in range(3):
        SHORT[k] = i64(k)
    # Stops on the first item, then at each place of a group of four.
    print("up", [up(0, x) for x in (0, 5, 15, 25, 35, 45, 95, 145, 150)])
    # Starts at N - 4 (the last start of a group), N - 3, N - 1.
    print("up end", up(N - 4, 150), up(N - 3, 150), up(N - 1, 150), up(12, 125))
    # Negative starts count from the end; a stop on the last item.
    print("up neg", up(-16, 35), up(-1, 150), up(-5, 1000 - 850), up(-16, 0))
    print("down", [down(N - 1, x) for x in (150, 145, 135, 125, 115, 55, 5, 0)])
    # Starts at 3 (the last start of a group going down), 2, 0.
    print("down start", down(3, 0), down(2, 0), down(3, 25), down(0, -1) if A[0] < 0 else 0)
    # Below 0 into the end of the array, where A[-2] (140) stops it.
    for k in range(4):
        A[k] = 1000
    print("down wrap", down(3, 145), down(6, 145), down(7, 145), down(-2, 60))
    for k in range(4):
        A[k] = i64(10 * k)
    print("steps", up_by_two(0, 75), up_by_two(1, 75), up_by_two(-15, 140),
          down_by_three(15, 40), down_by_three(15, 0), down_by_three(4, 15))
    print("offset", next_is_small(-1, 35), next_is_small(-1, 0), next_is_small(10, 1000 - 850),
          two_back_is_big(17, 60), two_back_is_big(6, 1000))
    print("short", short_up(0, 2), short_up(-3, 1), short_up(1, 5) if SHORT[2] > 5 else 2)


if __name__ == "__main__":
    main()

"""Loops over a list[int] whose indexes are in range only because of a
relation with another index (`j < i < len(a)`), which the bounds pass
proves (docs/compiler.md, "Relations between indexes"): they must do
exactly what CPython does."""


def insertion_sort(a: list[int]) -> None:
    for i in range(1, len(a)):
        x = a[i]
        j = i - 1
        while j >= 0 and a[j] > x:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = x


def shift_right(a: list[int], k: int) -> None:
    """Move a[k:] one place right, dropping the last item (k may be
    negative: then it counts from the end, as in CPython)."""
    n = len(a)
    for i in range(n - 1, 0, -1):
        if i > k:
            a[i] = a[i - 1]


def pairs(a: list[int]) -> int:
    total = 0
    for i in range(len(a)):
        j = i
        while j > 0:
            total += a[j - 1] * a[i]
            j -= 2
    return total


def main() -> None:
    a = [int(9), int(-3), int(7), int(7), int(0), int(12), int(-8), int(5)]
    insertion_sort(a)
    print(a)
    empty: list[int] = []
    insertion_sort(empty)
    one = [int(4)]
    insertion_sort(one)
    print(empty, one)
    shift_right(a, 2)
    print(a)
    shift_right(a, -3)
    print(a)
    print(pairs(a))
    print(pairs(one))


if __name__ == "__main__":
    main()

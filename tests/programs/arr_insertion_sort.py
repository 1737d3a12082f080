from typing import Final

from pythos.lang import u32, i16, Array

N_ITEMS: Final = 40
DATA = Array[i16, 40]()


def gen(seed: u32) -> None:
    s = seed
    for i in range(N_ITEMS):
        s ^= s << 13
        s ^= s >> 17
        s ^= s << 5
        DATA[i] = i16(s % 2001) - 1000


def insertion_sort(a: Array[i16, 40], n: int) -> int:
    shifts = 0
    for i in range(1, n):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
            shifts += 1
        a[j + 1] = key
    return shifts


def is_sorted(a: Array[i16, 40], n: int) -> bool:
    for i in range(1, n):
        if a[i - 1] > a[i]:
            return False
    return True


def show(a: Array[i16, 40], n: int) -> None:
    for i in range(n):
        print(a[i], end=" " if i + 1 < n else "\n")


def main() -> None:
    gen(u32(2463534242))
    show(DATA, N_ITEMS)
    print("sorted before:", is_sorted(DATA, N_ITEMS))
    shifts = insertion_sort(DATA, N_ITEMS)
    show(DATA, N_ITEMS)
    print("sorted after:", is_sorted(DATA, N_ITEMS), "shifts", shifts)
    # sorting an already-sorted array does no shifts
    print("again", insertion_sort(DATA, N_ITEMS))
    # reverse order gives the maximum number of shifts
    for i in range(N_ITEMS):
        DATA[i] = i16(N_ITEMS - i)
    print("reverse shifts", insertion_sort(DATA, N_ITEMS), "expected", N_ITEMS * (N_ITEMS - 1) // 2)
    # sort only a prefix
    for i in range(N_ITEMS):
        DATA[i] = i16((i * 17) % 23)
    insertion_sort(DATA, 10)
    show(DATA, 12)


if __name__ == "__main__":
    main()

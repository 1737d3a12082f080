from pythos.lang import u32, i32, Array

SORTED = Array[i32, 50]()


def lower_bound(a: Array[i32, 50], n: int, key: i32) -> int:
    lo = 0
    hi = n
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < key:
            lo = mid + 1
        else:
            hi = mid
    return lo


def find(a: Array[i32, 50], n: int, key: i32) -> int:
    i = lower_bound(a, n, key)
    if i < n and a[i] == key:
        return i
    return -1


def isqrt(n: u32) -> u32:
    lo = u32(0)
    hi = u32(65536)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if u64_sq_le(mid, n):
            lo = mid
        else:
            hi = mid - 1
    return lo


def u64_sq_le(m: u32, n: u32) -> bool:
    # m*m <= n without overflow: compare m <= n // m
    if m == 0:
        return True
    return m <= n // m


def main() -> None:
    for i in range(50):
        SORTED[i] = i32(i * 3 - 40)
    for k in range(-45, 115, 13):
        print(f"find({k}) = {find(SORTED, 50, i32(k))} lower_bound = {lower_bound(SORTED, 50, i32(k))}")
    # every element is found at its own index
    ok = 0
    for i in range(50):
        if find(SORTED, 50, SORTED[i]) == i:
            ok += 1
    print("found all", ok)
    # duplicates: lower bound gives first occurrence
    for i in range(50):
        SORTED[i] = i32(i // 4)
    print("first 5 at", lower_bound(SORTED, 50, i32(5)), "first 12 at", lower_bound(SORTED, 50, i32(12)), "past end", lower_bound(SORTED, 50, i32(99)))
    for v in range(0, 40, 7):
        print("isqrt", v * v + 1, isqrt(u32(v * v + 1)))
    print("isqrt max", isqrt(u32(4294967295)), "isqrt 0", isqrt(u32(0)))


if __name__ == "__main__":
    main()

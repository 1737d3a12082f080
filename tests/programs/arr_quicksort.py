from pythos.lang import u32, u64, Array

N: int = 64
A = Array[u32, 64]()
comparisons = 0


def swap(a: Array[u32, 64], i: int, j: int) -> None:
    t = a[i]
    a[i] = a[j]
    a[j] = t


def partition(a: Array[u32, 64], lo: int, hi: int) -> int:
    global comparisons
    mid = lo + (hi - lo) // 2
    # median of three into a[hi]
    if a[mid] < a[lo]:
        swap(a, mid, lo)
    if a[hi] < a[lo]:
        swap(a, hi, lo)
    if a[mid] < a[hi]:
        swap(a, mid, hi)
    pivot = a[hi]
    i = lo
    for j in range(lo, hi):
        comparisons += 1
        if a[j] < pivot:
            swap(a, i, j)
            i += 1
    swap(a, i, hi)
    return i


def quicksort(a: Array[u32, 64], lo: int, hi: int, depth: int) -> int:
    if lo >= hi:
        return depth
    p = partition(a, lo, hi)
    d1 = quicksort(a, lo, p - 1, depth + 1)
    d2 = quicksort(a, p + 1, hi, depth + 1)
    return d1 if d1 > d2 else d2


def main() -> None:
    x = u64(88172645463325252)
    for i in range(N):
        x ^= x << 13
        x ^= x >> 7
        x ^= x << 17
        A[i] = u32(x % 1000)
    checksum_before = u64(0)
    for v in A:
        checksum_before += u64(v)
    depth = quicksort(A, 0, N - 1, 0)
    checksum_after = u64(0)
    ok = True
    for i in range(N):
        checksum_after += u64(A[i])
        if i > 0 and A[i - 1] > A[i]:
            ok = False
    print("sorted", ok, "sum kept", checksum_before == checksum_after, checksum_after)
    print("comparisons", comparisons, "max depth", depth)
    for i in range(0, N, 8):
        print(A[i], A[i + 1], A[i + 2], A[i + 3], A[i + 4], A[i + 5], A[i + 6], A[i + 7])
    # all-equal input
    for i in range(N):
        A[i] = u32(5)
    quicksort(A, 0, N - 1, 0)
    print("equal ok", A[0] == A[N - 1])


if __name__ == "__main__":
    main()

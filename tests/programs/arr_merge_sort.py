from pythos.lang import i64, u64, Array

DATA = Array[i64, 37]()
TMP = Array[i64, 37]()
inversions = 0


def merge(lo: int, mid: int, hi: int) -> None:
    global inversions
    i = lo
    j = mid
    k = lo
    while i < mid and j < hi:
        if DATA[i] <= DATA[j]:
            TMP[k] = DATA[i]
            i += 1
        else:
            TMP[k] = DATA[j]
            inversions += mid - i
            j += 1
        k += 1
    while i < mid:
        TMP[k] = DATA[i]
        i += 1
        k += 1
    while j < hi:
        TMP[k] = DATA[j]
        j += 1
        k += 1
    for t in range(lo, hi):
        DATA[t] = TMP[t]


def merge_sort(lo: int, hi: int) -> None:
    if hi - lo < 2:
        return
    mid = (lo + hi) // 2
    merge_sort(lo, mid)
    merge_sort(mid, hi)
    merge(lo, mid, hi)


def brute_inversions() -> int:
    n = 0
    for i in range(len(DATA)):
        for j in range(i + 1, len(DATA)):
            if DATA[i] > DATA[j]:
                n += 1
    return n


def main() -> None:
    s = u64(0x2545F4914F6CDD1D)
    for i in range(len(DATA)):
        s ^= s >> 12
        s ^= s << 25
        s ^= s >> 27
        DATA[i] = i64(s * 0x2545F4914F6CDD1D) >> 40
    expected = brute_inversions()
    merge_sort(0, len(DATA))
    print("inversions", inversions, "expected", expected)
    ok = True
    for i in range(1, len(DATA)):
        if DATA[i - 1] > DATA[i]:
            ok = False
    print("sorted", ok)
    print("min", DATA[0], "median", DATA[18], "max", DATA[-1])
    for v in DATA:
        print(v, end=" ")
    print()


if __name__ == "__main__":
    main()

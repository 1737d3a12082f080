from pythos.lang import u8, u32, u64, Array

rng = u64(0x853C49E6748FEA9B)


def pcg32() -> u32:
    global rng
    old = rng
    rng = old * 6364136223846793005 + 1442695040888963407
    xorshifted = u32(((old >> 18) ^ old) >> 27)
    rot = u32(old >> 59)
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31))


def below(n: u32) -> u32:
    return pcg32() % n


def next_permutation(a: Array[u8, 5]) -> bool:
    i = len(a) - 2
    while i >= 0 and a[i] >= a[i + 1]:
        i -= 1
    if i < 0:
        return False
    j = len(a) - 1
    while a[j] <= a[i]:
        j -= 1
    t = a[i]
    a[i] = a[j]
    a[j] = t
    lo = i + 1
    hi = len(a) - 1
    while lo < hi:
        t = a[lo]
        a[lo] = a[hi]
        a[hi] = t
        lo += 1
        hi -= 1
    return True


def main() -> None:
    for i in range(4):
        print(f"pcg32 #{i}: {pcg32():#010x}")
    deck = Array[u8, 52]()
    for i in range(52):
        deck[i] = u8(i)
    # Fisher-Yates shuffle
    for i in range(51, 0, -1):
        j = int(below(u32(i + 1)))
        t = deck[i]
        deck[i] = deck[j]
        deck[j] = t
    for i in range(52):
        print(deck[i], end=" " if i % 13 != 12 else "\n")
    # shuffle keeps a permutation
    seen = u64(0)
    for c in deck:
        seen |= u64(1) << u64(c)
    print("is permutation", seen == (u64(1) << 52) - 1)
    # lexicographic permutations of 5 items
    p = Array[u8, 5]()
    for i in range(5):
        p[i] = u8(i + 1)
    count = 1
    while next_permutation(p):
        count += 1
        if count % 20 == 0:
            print(f"perm {count}: {p[0]}{p[1]}{p[2]}{p[3]}{p[4]}")
    print("permutations", count)


if __name__ == "__main__":
    main()

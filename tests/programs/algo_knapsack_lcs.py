from typing import Final

from pythos.lang import u8, u16, u32, Array

WEIGHTS: Final = b"\x0c\x07\x0b\x08\x09\x05\x0e\x03\x06\x0a"
VALUES: Final = b"\x18\x0d\x17\x0f\x10\x09\x1e\x05\x0b\x14"
CAP: Final = 40

A_STR: Final = b"AGGTABQWERTYXYZ"
B_STR: Final = b"GXTXAYBWQRTZZY"


def knapsack() -> u32:
    best = Array[u32, 41]()
    for i in range(len(WEIGHTS)):
        w = int(WEIGHTS[i])
        v = u32(VALUES[i])
        c = CAP
        while c >= w:
            cand = best[c - w] + v
            if cand > best[c]:
                best[c] = cand
            c -= 1
    return best[CAP]


def lcs() -> u16:
    # (len(A)+1) x (len(B)+1) table, flattened
    n = len(A_STR)
    m = len(B_STR)
    t = Array[u16, 240]()
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if A_STR[i - 1] == B_STR[j - 1]:
                t[i * (m + 1) + j] = t[(i - 1) * (m + 1) + j - 1] + 1
            else:
                up = t[(i - 1) * (m + 1) + j]
                left = t[i * (m + 1) + j - 1]
                t[i * (m + 1) + j] = up if up > left else left
    # walk back to print one LCS (reversed into a buffer)
    out = Array[u8, 16]()
    k = 0
    i = n
    j = m
    while i > 0 and j > 0:
        if A_STR[i - 1] == B_STR[j - 1]:
            out[k] = A_STR[i - 1]
            k += 1
            i -= 1
            j -= 1
        elif t[(i - 1) * (m + 1) + j] >= t[i * (m + 1) + j - 1]:
            i -= 1
        else:
            j -= 1
    print("lcs string: ", end="")
    for x in range(k - 1, -1, -1):
        print(chr(out[x]), end="")
    print()
    return t[n * (m + 1) + m]


def edit_distance(a: bytes, b: bytes) -> u32:
    prev = Array[u32, 32]()
    cur = Array[u32, 32]()
    for j in range(len(b) + 1):
        prev[j] = u32(j)
    for i in range(1, len(a) + 1):
        cur[0] = u32(i)
        for j in range(1, len(b) + 1):
            cost = u32(0) if a[i - 1] == b[j - 1] else u32(1)
            best = prev[j - 1] + cost
            if prev[j] + 1 < best:
                best = prev[j] + 1
            if cur[j - 1] + 1 < best:
                best = cur[j - 1] + 1
            cur[j] = best
        for j in range(len(b) + 1):
            prev[j] = cur[j]
    return prev[len(b)]


def main() -> None:
    print("knapsack best value", knapsack())
    print("lcs length", lcs())
    print("edit kitten/sitting", edit_distance(b"kitten", b"sitting"))
    print("edit flaw/lawn", edit_distance(b"flaw", b"lawn"))
    print("edit empty", edit_distance(b"", b"abc"), edit_distance(b"same", b"same"))


if __name__ == "__main__":
    main()

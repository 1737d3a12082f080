from typing import Final

from pythos.lang import u8, u32, Array

TEXT: Final = b"abracadabra abracadabra cadabra abra abracadabracadabra"
FAIL = Array[u32, 32]()


def build_fail(pat: bytes) -> None:
    FAIL[0] = 0
    k = u32(0)
    for i in range(1, len(pat)):
        while k > 0 and pat[i] != pat[int(k)]:
            k = FAIL[int(k) - 1]
        if pat[i] == pat[int(k)]:
            k += 1
        FAIL[i] = k


def kmp_count(text: bytes, pat: bytes, show: bool) -> int:
    build_fail(pat)
    m = len(pat)
    k = 0
    found = 0
    for i in range(len(text)):
        while k > 0 and text[i] != pat[k]:
            k = int(FAIL[k - 1])
        if text[i] == pat[k]:
            k += 1
        if k == m:
            found += 1
            if show:
                print("  match at", i - m + 1)
            k = int(FAIL[k - 1])
    return found


def naive_count(text: bytes, pat: bytes) -> int:
    found = 0
    for i in range(len(text) - len(pat) + 1):
        ok = True
        for j in range(len(pat)):
            if text[i + j] != pat[j]:
                ok = False
                break
        if ok:
            found += 1
    return found


def rabin_karp(text: bytes, pat: bytes) -> int:
    base = u32(257)
    m = len(pat)
    if m > len(text):
        return 0
    high = u32(1)
    for i in range(m - 1):
        high *= base
    hp = u32(0)
    ht = u32(0)
    for i in range(m):
        hp = hp * base + u32(pat[i])
        ht = ht * base + u32(text[i])
    found = 0
    for i in range(len(text) - m + 1):
        if hp == ht:
            found += 1
        if i + m < len(text):
            ht = (ht - u32(text[i]) * high) * base + u32(text[i + m])
    return found


def main() -> None:
    print("abra:")
    n = kmp_count(TEXT, b"abra", True)
    print("kmp", n, "naive", naive_count(TEXT, b"abra"), "rk", rabin_karp(TEXT, b"abra"))
    print("failure table for abracadabra:", end="")
    build_fail(b"abracadabra")
    for i in range(11):
        print("", FAIL[i], end="")
    print()
    print("cadabra", kmp_count(TEXT, b"cadabra", False), naive_count(TEXT, b"cadabra"), rabin_karp(TEXT, b"cadabra"))
    print("aaa in aaaaaa", kmp_count(b"aaaaaa", b"aaa", False), naive_count(b"aaaaaa", b"aaa"), rabin_karp(b"aaaaaa", b"aaa"))
    print("missing", kmp_count(TEXT, b"xyz", False), naive_count(TEXT, b"xyz"), rabin_karp(TEXT, b"xyz"))
    print("single", kmp_count(TEXT, b"c", False), naive_count(TEXT, b" "))


if __name__ == "__main__":
    main()

"""str and bytes of every length from 0 to 20 bytes, made at run time
(concatenation, slices, join, repetition) and written as literals, used
as dict keys, set items and compared: the runtime hashes them eight bytes
at a time, a short tail as its first and last four or two bytes, and the
compiler gives a literal the same hash in advance; `memcpy` copies a
piece of under eight bytes as two overlapping loads and stores.  Keys
that differ in one byte only, at the start, the middle or the end, or
only in length (a NUL byte at the end), must stay apart, and a key built
at run time must find the literal's entry."""

from typing import Final

ALPHABET: Final = "abcdefghijklmnopqrstuvwxyz"


def built(n: int) -> str:
    word = ""
    for i in range(n):
        word += ALPHABET[i % 26]
    return word


def main() -> None:
    by_text: dict[str, int] = {}
    for n in range(21):
        by_text[built(n)] = n
    literals = ["", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh",
                "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq",
                "abcdefghijklmnopqrst"]
    print([by_text[s] for s in literals], len(by_text))
    # Each length, each position changed: all distinct, and each found again.
    seen: set[str] = set()
    count = 0
    for n in range(1, 21):
        base = built(n)
        for i in range(n):
            changed = base[:i] + "Z" + base[i + 1:]
            seen.add(changed)
            count += 1
        seen.add(base + "\0")
        seen.add(base)
        count += 2
    print(len(seen), count, "abcZ" in seen, "abc\0" in seen, "abcdefghijklmnopqrsZ" in seen,
          "Zbcdefghijklmnopqrst" in seen, "abcdefghijklmnopqrstu" in seen)
    # Pieces of a text under eight bytes, copied by slices and split.
    text = " ".join(built(n) for n in range(12))
    words = text.split()
    print(words, [len(w) for w in words])
    print([text[i:i + k] for i in (0, 3) for k in range(9)])
    glued = "-".join(w[::-1] for w in words) + "!" * 3
    print(glued, len(glued))
    # Non-ASCII text: two-, three- and four-byte characters in short keys.
    wide = ["é", "éé", "日本", "日本語", "𝄞", "a𝄞", "𝄞𝄞", "ü" * 5, "ü" * 4 + "u"]
    counts: dict[str, int] = {}
    for w in wide + [w[:] for w in wide] + ["".join(list(w)) for w in wide]:
        counts[w] = counts.get(w, 0) + 1
    print(sorted(counts.items()))
    print(hash("ab" + "cd") == hash("abcd"), hash(built(9)) == hash("abcdefghi"),
          hash("𝄞" * 2) == hash("𝄞𝄞"), hash("") == hash(built(0)))
    # bytes: the same hash function over their bytes.
    raw: dict[bytes, str] = {}
    for n in range(18):
        raw[built(n).encode()] = built(n)
    print([raw[b"abcdefg"[:k]] for k in range(8)], raw[b"abcdefghijklmnopq"],
          b"abcdefgh" + b"i" in raw, b"abcdefgZ" in raw, len(raw))
    print(hash(b"xyz" * 3) == hash(b"xyzxyzxyz"), hash(bytes(5)) == hash(b"\0" * 5))


if __name__ == "__main__":
    main()

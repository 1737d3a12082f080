"""Short strings built, counted and ranked: concatenation with empty
operands (which give the other operand back), words of every length
around the allocator's 8-byte steps and the 16-byte short copy, slices
copied from unaligned offsets, whitespace split over ASCII and other
spaces, a dict of counts, and sorting by (count, word) tuple keys."""

SYLLABLES = ("ka", "lo", "mi", "nu", "pé", "ra", "si", "to", "ve", "zu", "an", "el")


def make_words(n: int) -> list[str]:
    words: list[str] = []
    state = 7
    for i in range(n):
        word = ""
        for _ in range(1 + i % 5):
            state = (state * 1103515245 + 12345) % 2147483648
            word += SYLLABLES[state % len(SYLLABLES)]
        word += ""
        words.append(word)
    return words


def main() -> None:
    empty = ""
    s = "word"
    print(empty + s == s, s + empty == s, (empty + s) is s, (s + empty) is s)
    print(repr(empty + empty), len(empty + empty))
    # Every length from 0 to 40, built one character at a time, and
    # slices of it from every offset (unaligned copies, short and long).
    text = ""
    for i in range(41):
        text += chr(97 + i % 26)
        assert len(text) == i + 1
    pieces = [text[a:b] for a in range(0, 41, 3) for b in range(a, 41, 7)]
    print(len(pieces), sum(len(p) for p in pieces), pieces[5], pieces[-1])
    print(sorted(set(pieces), key=lambda p: (len(p), p))[:6])
    joined = "".join(pieces) + "-" + "|".join(pieces[:4])
    print(len(joined), joined[:30], joined[-20:])

    words = make_words(3000)
    line = " ".join(words[:40]) + "\u2003" + "\xa0".join(words[40:60]) + "\n\t" + \
        "  ".join(words[60:])
    split = line.split()
    print(len(split), split[38:42], split[-1])
    counts: dict[str, int] = {}
    for w in split:
        word = w.strip("é").lower()
        counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    print(len(counts), ranked[:5], ranked[-3:])
    longest = max(counts, key=lambda word: (len(word), word))
    shortest = min(counts, key=lambda word: (len(word), word))
    print(longest, shortest, sorted(counts)[:4])
    pairs = [(len(w), w) for w in counts]
    pairs.sort()
    print(pairs[:3], pairs[-3:], pairs[10] < pairs[11], pairs[11] == (pairs[11][0], pairs[11][1]))
    same = [(1, "ka"), (1, "ka" + ""), (1, "k" + "a"), (1, "kb")]
    print([a == b for a in same for b in same], [a < b for a in same for b in same])


if __name__ == "__main__":
    main()

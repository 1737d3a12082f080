"""Word frequencies: generate a text of pseudo-random words (syllables
drawn with a skewed distribution, so a few words are common and most are
rare), then count its words with a dict and rank them, as a first exercise
in text processing would.

Exercises: building strings at run time (concatenation, `join`, f-strings),
`split`, `strip`, `lower`, `startswith`, a `dict[str, int]` of tens of
thousands of keys (hashing and comparing short strings), `dict.get`,
`sorted` with a key function over `(word, count)` tuples, and a
`dict[str, list[str]]` of lists.  Allocation-heavy: almost every word is a
new string.
"""

from typing import Final

WORDS: Final = 400_000
LINE_WORDS: Final = 12
SYLLABLES: Final = ("ka", "lo", "mi", "nu", "pe", "ra", "si", "to",
                    "ve", "zu", "an", "el", "or", "th", "qu", "ix")


class Random:
    """Marsaglia's xorshift32, kept to 32 bits so every value fits a
    machine word."""

    def __init__(self, seed: int) -> None:
        self.state = seed & 0xFFFFFFFF

    def next(self) -> int:
        x = self.state
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        self.state = x
        return x

    def skewed(self, n: int) -> int:
        """A number below n, small ones much more likely than large ones."""
        return min(self.next() % n, self.next() % n)


def make_word(rng: Random) -> str:
    word = ""
    for _ in range(1 + rng.next() % 4):
        word += SYLLABLES[rng.skewed(len(SYLLABLES))]
    return word


def make_text(rng: Random) -> str:
    lines: list[str] = []
    words: list[str] = []
    sentence_start = True
    for _ in range(WORDS):
        word = make_word(rng)
        if sentence_start:
            word = word[0].upper() + word[1:]
            sentence_start = False
        r = rng.next() % 16
        if r == 0:
            word += "."
            sentence_start = True
        elif r == 1:
            word += ","
        words.append(word)
        if len(words) == LINE_WORDS:
            lines.append(" ".join(words))
            words = []
    lines.append(" ".join(words))
    return "\n".join(lines)


def count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in text.split("\n"):
        for raw in line.split():
            word = raw.strip(".,").lower()
            counts[word] = counts.get(word, 0) + 1
    return counts


def fnv1a(text: str, h: int) -> int:
    for ch in text:
        h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return h


def main() -> None:
    text = make_text(Random(2024))
    counts = count_words(text)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    print(f"{len(text)} characters, {sum(counts.values())} words, {len(counts)} distinct")
    for word, count in ranked[:8]:
        print(f"{word:>12} {count}")
    by_initial: dict[str, list[str]] = {}
    for word, _ in ranked:
        by_initial.setdefault(word[:2], []).append(word)
    longest = max(counts, key=lambda word: (len(word), word))
    h = 0x811C9DC5
    for word, count in ranked:
        h = fnv1a(f"{word}={count};", h)
    print(f"{len(by_initial)} initial syllables, most words under "
          f"'{max(by_initial, key=lambda k: (len(by_initial[k]), k))}', longest '{longest}'")
    print(f"words starting 'th': {len([w for w in counts if w.startswith('th')])}")
    print(f"checksum {h:08x}")


if __name__ == "__main__":
    main()

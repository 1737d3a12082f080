"""min() and max() with key= return the first of equal items, and sorted()
with key= and reverse=True keeps equal items in their original order."""


def main() -> None:
    words = ["bb", "aa", "c", "dd", "e", "ff"]
    print(min(words, key=len), max(words, key=len))
    print(sorted(words, key=len, reverse=True), sorted(words, key=lambda w: -len(w)))
    scores = [(3, "x"), (1, "y"), (3, "z"), (1, "w")]
    print(max(scores, key=lambda s: s[0]), min(scores, key=lambda s: s[0]))


if __name__ == "__main__":
    main()

"""Comprehensions over the characters and words of non-ASCII text."""


def main() -> None:
    s = "Ça coûte 12€ à Zürich"
    print([ch for ch in s if not ch.isspace() and not ch.isalpha()])
    print([w[::-1] for w in s.split()], {w: len(w) for w in s.lower().split()})
    print(sorted({ch for ch in s.lower() if ch.isalpha() and ch not in "abcdefghijklmnopqrstuvwxyz"}))


if __name__ == "__main__":
    main()

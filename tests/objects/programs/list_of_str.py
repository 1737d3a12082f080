"""Lists of str: join, membership, index, sorting and building."""


def main() -> None:
    words = "the quick brown fox jumps over the lazy dog".split()
    print(len(words), words.count("the"), words.index("fox"), "cat" in words)
    print(" ".join(sorted(set(words))))
    caps = [w.upper() for w in words if len(w) > 3]
    print(caps)
    lengths = [len(w) for w in words]
    print(lengths, max(words, key=len), words[-1][::-1])
    words[0] = "a"
    print("-".join(words[:3]))


if __name__ == "__main__":
    main()

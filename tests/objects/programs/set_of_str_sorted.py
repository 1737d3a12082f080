"""Sets of str: membership and the sorted view (their iteration order
depends on the hash seed, so it is never printed)."""


def main() -> None:
    words = "to be or not to be that is the question".split()
    uniq = set(words)
    print(len(uniq), sorted(uniq))
    vowels = set("aeiou")
    used = {ch for w in words for ch in w if ch in vowels}
    print(sorted(used), sorted(vowels - used))
    print("be" in uniq, "was" in uniq, sorted(uniq & {"be", "was", "is"}))


if __name__ == "__main__":
    main()

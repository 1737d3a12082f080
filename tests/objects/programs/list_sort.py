"""sort and sorted: stable, reverse=, key= with a lambda, len and str."""


def main() -> None:
    xs = [5, -2, 9, 0, -7, 3]
    print(sorted(xs), sorted(xs, reverse=True), xs)
    xs.sort(key=lambda v: v * v)
    print(xs)
    words = ["pear", "fig", "apple", "kiwi", "banana", "date"]
    print(sorted(words, key=len))
    print(sorted(words, key=lambda w: (len(w), w)))
    words.sort(reverse=True)
    print(words)
    print(sorted([10, 9, 100, 1], key=str))
    pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
    print(sorted(pairs), sorted(pairs, key=lambda p: p[1]))


if __name__ == "__main__":
    main()

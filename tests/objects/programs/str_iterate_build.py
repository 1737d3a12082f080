"""Iterating over a string's characters to count and rebuild it."""


def main() -> None:
    s = "Hello, Wörld! 123"
    counts: dict[str, int] = {}
    for ch in s.lower():
        if ch.isalpha():
            counts[ch] = counts.get(ch, 0) + 1
    print(sorted(counts.items()))
    swapped = "".join([ch.lower() if ch != ch.lower() else ch.upper() for ch in s])
    print(swapped, [ch for ch in s if ch.isdigit()], list("añ"))


if __name__ == "__main__":
    main()

"""Set comprehensions (printed sorted) from several sources."""


def main() -> None:
    s = {x % 7 for x in range(100)}
    print(sorted(s), len(s))
    letters = {ch.lower() for ch in "Hello World" if ch.isalpha()}
    print(sorted(letters))
    pairs = {(a, b) for a in range(3) for b in range(3) if a < b}
    print(sorted(pairs))


if __name__ == "__main__":
    main()

"""Word frequencies with a dict, sorted by count then by word."""


def main() -> None:
    text = """the cat sat on the mat the dog sat on the log
    a cat and a dog met on a mat"""
    counts: dict[str, int] = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    print(len(counts))
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    for w, n in top[:5]:
        print(f"{w:>4} {n}")
    print(list(counts)[:6])


if __name__ == "__main__":
    main()

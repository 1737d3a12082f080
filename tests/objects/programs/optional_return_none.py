"""A function returning T | None, and its callers narrowing the result."""


def find(xs: list[str], target: str) -> int | None:
    for i, x in enumerate(xs):
        if x == target:
            return i
    return None


def main() -> None:
    words = ["alpha", "beta", "gamma"]
    for t in ["beta", "delta", "alpha"]:
        i = find(words, t)
        if i is None:
            print(t, "missing")
        else:
            print(t, "at", i, words[i].upper())
    print(find([], "x"))


if __name__ == "__main__":
    main()

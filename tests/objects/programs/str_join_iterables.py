"""str.join takes any iterable of str: a generator expression, reversed(),
a dict's keys, a set (sorted first) and a tuple."""


def main() -> None:
    words = ["b", "a", "c"]
    print("".join(w.upper() for w in words))
    print("-".join(reversed(words)))
    print(",".join({"x": 1, "y": 2}.keys()), "+".join(sorted({"q", "p"})), "/".join(("u", "v")))


if __name__ == "__main__":
    main()

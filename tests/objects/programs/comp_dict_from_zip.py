"""Dict comprehensions over zip and enumerate, and a comprehension
filtering a dict."""


def main() -> None:
    keys = ["a", "b", "c"]
    vals = [1, 2, 3]
    d = {k: v for k, v in zip(keys, vals)}
    print(d, {v: k for k, v in d.items() if v != 2})
    pos = {ch: i for i, ch in enumerate("hello")}
    print(pos)


if __name__ == "__main__":
    main()

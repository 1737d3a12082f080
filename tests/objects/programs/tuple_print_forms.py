"""repr of tuples: one element has a trailing comma, strings are quoted,
nested containers print recursively."""


def main() -> None:
    print((1,), ("a",), (1, "a"), ((1, 2), [3], {"k": (4,)}), ("it's", 'say "hi"'))
    t = ("é", None, True)
    print(t, str(t), repr(t), f"{t}")


if __name__ == "__main__":
    main()

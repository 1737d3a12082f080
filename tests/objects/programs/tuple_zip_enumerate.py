"""zip and enumerate produce tuples; unpack them or keep them whole."""


def main() -> None:
    names = ["x", "y", "z"]
    vals = [3, 1, 2]
    pairs = list(zip(names, vals))
    print(pairs, pairs[1], pairs[1][0])
    for i, (n, v) in enumerate(zip(names, vals)):
        print(i, n, v)
    d = {n: v for n, v in pairs}
    print(d, list(enumerate(names)))


if __name__ == "__main__":
    main()

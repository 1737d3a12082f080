"""`in` on a dict, its keys() and values(), and iteration over keys()."""


def main() -> None:
    d = {"a": 1, "b": 2}
    print("a" in d, "a" in d.keys(), 2 in d.values(), 3 in d.values(), "z" not in d)
    for k in d.keys():
        d[k] *= 10
    print(d, sorted(d.values(), reverse=True))


if __name__ == "__main__":
    main()

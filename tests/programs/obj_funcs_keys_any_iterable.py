"""sorted/min/max with key= over any iterable: dict items, a dict, a set,
a str, a tuple and a generator expression are collected into a list first."""


def main() -> None:
    d = {"b": 3, "a": 3, "c": 1}
    print(sorted(d.items(), key=lambda kv: kv[1]))
    print(sorted(d, key=lambda k: -d[k], reverse=True))
    print(sorted({5, 1, 3}, key=lambda x: -x))
    print(min("hello", key=lambda c: ord(c)), max((4, 9, 2), key=lambda x: x % 5))
    print(sorted((w for w in ["bb", "a", "ccc"]), key=len))
    print(max(d.items(), key=lambda kv: kv[0]))


if __name__ == "__main__":
    main()

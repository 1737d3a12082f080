"""frozensets as dict keys and set members: grouping words by their
letters, and the set of distinct letter sets."""


def main() -> None:
    words = ["listen", "silent", "enlist", "google", "banana", "nab"]
    groups: dict[frozenset[str], list[str]] = {}
    for w in words:
        groups.setdefault(frozenset(w), []).append(w)
    for letters, members in groups.items():
        print(sorted(letters), members)
    distinct = {frozenset(w) for w in words}
    print(len(distinct), frozenset("abn") in distinct)
    fs = frozenset([1, 2])
    print(fs.copy() is fs, fs.copy() == fs, fs | frozenset([3]), {1} | fs)


if __name__ == "__main__":
    main()

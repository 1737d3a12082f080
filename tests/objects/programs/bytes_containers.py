"""bytes in containers: a list, a dict's keys, a set, a tuple, as items
made at run time and as literals (an item is a bytes object: a literal is
copied into one), read back, compared, sorted, hashed, printed and joined
(`bytes.join` of a list, a set, a dict, reversed(), an empty tuple)."""


def first(xs: list[bytes]) -> bytes:
    return xs[0]


def main() -> None:
    data = "a\u00f1".encode()
    items = [data, b"x", data + b"!"]
    print(items, len(items), first(items), items[-1])
    items.append(b"lit")
    items.append("\u00e9".encode())
    for it in items:
        print(it, len(it), it.hex())
    print(b"x" in items, b"nope" in items, items.index(b"lit"), sorted(items), max(items))
    counts: dict[bytes, int] = {}
    for word in b"a b a c b a".split():
        counts[word] = counts.get(word, 0) + 1
    print(counts, counts[b"a"], sorted(counts.items()), b"c" in counts)
    seen = {b"x", b"y", b"x", "x".encode()}
    print(len(seen), b"x" in seen, sorted(seen))
    pair = (data, 3)
    d, n = pair
    print(pair, d, n, pair[0] == data, pair == ("a\u00f1".encode(), 3))
    parts = b"k=v;x=y".split(b";")
    kv = [p.split(b"=") for p in parts]
    print(parts, kv, {p[0]: p[1] for p in kv})
    words = [w.upper() for w in b"one two".split()]
    print(words, {w: len(w) for w in words}, words == [b"ONE", b"TWO"])
    items.pop()
    items[0] = b"first"
    print(items, items[1:3], list(reversed(items)), items + [b"more"])
    print(b"-".join(sorted(seen)), len(b",".join(seen)), b"+".join(counts),
          b"|".join(counts.keys()), b"/".join(reversed(parts)), b";".join(()))
    table: dict[str, bytes] = {"k": data}
    table["j"] = b"lit"
    print(table, table["k"].decode())


if __name__ == "__main__":
    main()

"""frozenset: built from any iterable, empty with an annotation, hashable
(dict keys, set members, nested), CPython's hash values and repr, the set
operators and methods mixed with sets (the result has the left operand's
type), comparisons with sets, and |= rebinding the name."""
def basics() -> None:
    fs = frozenset([3, 1, 2])
    print(fs, len(fs), 2 in fs, 5 not in fs)
    d = {fs: "x"}
    print(d[frozenset([1, 2, 3])])
    s = {frozenset(["a"]), frozenset(["a"]), frozenset(["b", "c"])}
    print(len(s), frozenset(["b", "c"]) in s)
    e: frozenset[str] = frozenset()
    print(e, len(frozenset("hello")), hash(e) == hash(frozenset(e)))
    t = fs | {7}
    u = {7, 1} & fs
    print(t, u, fs - {1}, fs ^ frozenset([1, 9]))
    print(fs == {1, 2, 3}, fs <= {1, 2, 3, 4}, fs.issubset({1}), fs.union({8}), fs.isdisjoint(frozenset([5])))
    acc = frozenset([0])
    acc |= fs
    print(acc, fs, sorted(acc), [x for x in fs], repr(fs), str(fs))
    print(hash(frozenset([1, 2, 3])) == hash(fs), {frozenset([1]): 1, frozenset([2]): 2})
    nested = frozenset([frozenset([1, 2]), frozenset([3])])
    print(len(nested), frozenset([1, 2]) in nested)


def hashes() -> None:
    e: frozenset[int] = frozenset()
    print(hash(frozenset([1, 2, 3])), hash(e), hash(frozenset([-1, 10**9])))
    print(hash(frozenset([frozenset([1]), frozenset([2, 3])])))
    groups = {frozenset([i, i * 7 % 5]) for i in range(12)}
    print(groups)
    print({frozenset([1, 2]): "a", frozenset([2, 1]): "b"})


def main() -> None:
    basics()
    hashes()


if __name__ == "__main__":
    main()

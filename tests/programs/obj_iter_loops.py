"""for loops over every iterable (one protocol: pythos/ir/build/iterate.py):
enumerate/zip/reversed over lists, tuples, str (reversed by code point),
dicts and ranges, nested
unpacking targets, tuple literals of tuples, and zip ending on its
shorter iterable with the longer one's fetched item released."""


def main() -> None:
    xs = [1, 2, 3]
    ys = ["a", "b", "c", "d"]
    for i, (a, b) in enumerate(zip(xs, ys)):
        print(i, a, b)
    for p in zip(xs, ys):
        print(p)
    for a1, b1, c1 in ((1, 2, 3), (4, 5, 6)):
        print(a1 + b1 + c1)
    d = {"x": 1, "y": 2}
    for k in d:
        print(k)
    for k, v in d.items():
        print(k, v)
    for v in d.values():
        print(v)
    for n, (k, v) in enumerate(d.items(), 1):
        print(n, k, v)
    for c in "añb":
        print(c)
    for j, c in enumerate("hé"):
        print(j, c)
    for t in (5, 6, 7):
        print(t)
    s = {3}
    for e in s:
        print(e)
    for x in reversed(xs):
        print(x)
    for x in reversed((7, 8)):
        print(x)
    for i, w in zip(range(10), reversed(ys)):
        print(i, w)
    for i, w in zip(range(10, 0, -3), ys):
        print(i, w)
    for k2, x2 in zip(d, xs):
        print(k2, x2)
    for q in enumerate(ys):
        print(q)
    segs = [((0, 0), (3, 4)), ((1, 1), (1, 5))]
    for (x1, y1), (x2, y2) in segs:
        print(x2 - x1, y2 - y1)
    for e2 in b"hi":
        print(e2)
    # A dict of keys built at run time, zipped with a shorter list: the key
    # fetched for the third step is released when the list has ended.
    built = {f"k{i}": f"v{i}" for i in range(4)}
    for key, small in zip(built, [10, 20]):
        print(key, small)
    for pair in zip(built.values(), "xy"):
        print(pair)
    for key, val in built.items():
        if key == "k1":
            continue
        if key == "k3":
            break
        print(key, val)
    else:
        print("not reached")
    for ch in reversed("añ€b"):
        print(ch)
    print([ch for ch in reversed("")], [ch + ch for ch in reversed("xé")])
    for kv in d.items():
        print(kv)
    for m, text in enumerate(["p", "q"]):
        print(m, text)
    else:
        print("done")


if __name__ == "__main__":
    main()

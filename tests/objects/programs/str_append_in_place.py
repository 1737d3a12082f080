"""`s += t` and `a + b + c` where the left str may be extended in place:
only when nothing else holds it.  Every other holder (a second variable,
a list, a dict key, a tuple, a loop over the str) must keep the old
text, and `s += s` must double the text it started with."""


def build(n: int, piece: str) -> str:
    word = ""
    for _ in range(n):
        word += piece
    return word


def grow(s: str) -> str:
    """A parameter: the caller's str is never changed."""
    s += "!"
    s += "?"
    return s


def main() -> None:
    w = build(5, "ab")
    print(w, len(w))
    long = build(300, "xyz")
    print(len(long), long[:6], long[-4:], hash(long) == hash("xyz" * 300))

    a = build(3, "q")
    b = a
    a += "r"
    print(a, b, a is b)

    keep: list[str] = []
    s = build(2, "mn")
    for i in range(4):
        keep.append(s)
        s += str(i)
    print(keep, s)

    d: dict[str, int] = {}
    k = build(2, "k")
    d[k] = 1
    k += "z"
    print(d, k, d.get("kk"), d.get("kkz"))

    t = build(2, "t")
    pair = (t, 1)
    t += "u"
    print(pair, t)

    h = build(2, "hh")
    before = hash(h)
    h += "i"
    print(h, hash(h) == hash("hhhhi"), before == hash("hhhh"))

    doubled = build(3, "ab")
    doubled += doubled
    doubled += doubled
    print(doubled, len(doubled))

    text = build(2, "é")
    seen = ""
    for ch in text:
        text += ch.upper()
        seen += ch
    print(text, len(text), seen)

    g = build(2, "g")
    print(grow(g), g)

    x = build(1, "x")
    chain = x + "y" + "z" + x + "é" + str(len(x))
    print(chain, x, len(chain))

    empty = ""
    empty += ""
    empty += "e"
    empty += ""
    print(repr(empty), len(empty))


if __name__ == "__main__":
    main()

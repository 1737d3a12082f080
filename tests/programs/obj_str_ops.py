"""Run-time str operations: concatenation and repetition, comparison by
code point, `in`, len, indexing and slicing with negative and
out-of-range bounds, str(n), repr, int(s) and int(s, base), the truth of
a str, and `for c in s`, on ASCII and non-ASCII text."""


def shout(s: str) -> str:
    return s + "!"


def joined(parts: int) -> str:
    text = ""
    for i in range(parts):
        text = text + str(i) + ","
    return text


def main() -> None:
    a = "héllo"
    b = a + " wörld"
    print(b, len(b), len(a + a))
    print(shout(b) * 2, 3 * "ab", "x" * 0 + "|", "y" * -2 + "|")
    print(a < b, b <= a, a > "h", "z" >= a, a == "héllo", a != b, "é" > "z")
    print("wö" in b, "xyz" not in b, "" in a)
    print(b[0], b[-1], b[1:4], b[::-1], b[100:] + "|", b[-3:], b[::2], b[-100:2])
    print(b[2:-2:3], b[8:1:-2], b[:0] + "|", (a + b)[3])
    n = 42
    s = str(n) + str(-7) + str(True) + str(False) + str(a)
    print(s, repr(a), repr("it's"), repr('say "hi"'))
    print(int("123") + 1, int("  -ff ", 16), int("0x1F", 0), int("1_000"), int("-0"))
    for c in a:
        print(c, end="|")
    print()
    count = 0
    for c in "mississippi":
        if c == "s":
            count += 1
    print(count)
    t = "  padded  "
    if t:
        print("non-empty")
    e = ""
    if not e:
        print("empty")
    x = e or "default"
    y = t and "second"
    print(x, y)
    print(joined(5), len(joined(100)))
    word = "abc"
    word += "déf"
    word *= 2
    print(word, len(word), word[5], word[-4:])


if __name__ == "__main__":
    main()

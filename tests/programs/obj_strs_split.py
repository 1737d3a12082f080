"""str.split, rsplit, splitlines, partition and rpartition: with and
without a separator, with maxsplit, on non-ASCII text, and the tuples
they give unpacked (the pieces outlive the temporary tuple)."""


def fields(line: str) -> tuple[str, str, str]:
    key, sep, value = line.partition("=")
    return key.strip(), sep, value.strip()


def main() -> None:
    text = "  naïve  café\tüber \n crème brûlée  "
    print(text.split(), text.split(None, 2), text.rsplit(None, 2), text.split(" "))
    print("a,b,,c,".split(","), "a,b,,c,".split(",", 2), "a,b,,c,".rsplit(",", 2))
    print("x→y→→z".split("→"), "x→y→→z".rsplit("→", 1), "".split(","), "".split())
    print("mañana--día--noche".split("--"), "abc".split("abc"), "aaa".split("a"))
    print("één".split("é", 0), "één".split("é", -1), "a b".rsplit(maxsplit=0))
    print("l1\nl2\r\nl3\rl4\x0bl5\x1cl6\u2028l7".splitlines())
    print("l1\nl2\r\n\n".splitlines(True), "".splitlines(), "x\n".splitlines(keepends=False))
    for s in ["key=value", "noequals", "=lead", "trail=", "a=b=c", "ключ=значение"]:
        print(s.partition("="), s.rpartition("="))
    print("日本語テキスト".partition("語"), "日本語テキスト".rpartition("x"))
    head, sep, tail = "path/to/fïle.txt".rpartition("/")
    name, _, ext = tail.partition(".")
    print(head, sep, name, ext, len(name))
    for line in ["host = example.org", "port=80", "bad line"]:
        k, eq, v = fields(line)
        print(repr(k), repr(eq), repr(v))
    words = "the quick brown fox jumps over the lazy dog".split()
    print(len(words), words[2], words[-1].upper(), sorted(words)[:3])


if __name__ == "__main__":
    main()

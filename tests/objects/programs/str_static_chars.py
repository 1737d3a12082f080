"""One-character ASCII str literals are the runtime's static one-character
strs (the ones `s[i]` returns): equality, dict and set probes with them
and with characters taken from text, in Final globals, in list, tuple and
dict displays, stored into containers and objects and released again.
Non-ASCII and longer literals stay ordinary static strs."""

from typing import Final

OPS: Final = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "é": 3, "//": 4}
SEPARATOR: Final = ","
NUL: Final = "\x00"
DEL: Final = "\x7f"


class Tok:
    def __init__(self, kind: str, text: str) -> None:
        self.kind = kind
        self.text = text


def scan(text: str) -> list[Tok]:
    out: list[Tok] = []
    for i in range(len(text)):
        ch = text[i]
        if ch == " ":
            continue
        if ch in OPS:
            out.append(Tok("op", ch))
        elif ch == "(" or ch == ")":
            out.append(Tok(ch, ch))
        else:
            out.append(Tok("x", ch))
    return out


def keep(items: list[str], s: str) -> None:
    items.append(s)


def main() -> None:
    text = "a + (b * c) - d % e / f é g"
    toks = scan(text)
    for t in toks:
        print(t.kind, t.text, OPS.get(t.text, 0), t.text == "+", t.text != "(")
    # characters from text against literals, in both orders
    line = "x,y,,z"
    print([c == SEPARATOR for c in line], [SEPARATOR == c for c in line])
    print(line.split(SEPARATOR), SEPARATOR.join(["p", "q"]))
    # the static strs as dict keys and set items, looked up by taken chars
    counts: dict[str, int] = {}
    for c in "hello, world":
        counts[c] = counts.get(c, 0) + 1
    print(counts["l"], counts["o"], counts.get("z", -1), sorted(counts))
    seen = {"a", "b", "é"}
    print("a" in seen, "abc"[1] in seen, "é" in seen, "c" in seen, len(seen))
    # displays of one-character literals, kept and released
    row = ["(", ")", "(", NUL, DEL, "é"]
    pair = ("[", "]")
    table = {"k": "v", "(": ")"}
    items: list[str] = []
    for s in row:
        keep(items, s)
    keep(items, pair[0])
    keep(items, table["("])
    print(items, pair, table)
    print([ord(s) for s in items], len(NUL), NUL == chr(0), DEL == chr(127))
    # many references taken and dropped: the count of a static str must
    # stay above zero, and no copy is ever freed
    many = ["a"] * 1000 + [text[0]] * 1000
    print(len(many), all(s == "a" for s in many), many.count("a"))
    many.clear()
    joined = "".join(["a", "b"]) + "c"
    print(joined, joined == "abc", joined[0] == "a", "a" + "b" == "ab")
    # literal vs. a one-character str made at run time
    made = chr(ord("a") + 1)
    print(made == "b", "b" == made, {made: 1}.get("b"), hash(made) == hash("b"))
    print(repr("'"), repr('"'), repr("\\"), "\t" == chr(9), str("x"), "x".upper())


if __name__ == "__main__":
    main()

"""`lst.append(x)` of a list whose items are words (objects that are never
None, 64-bit integers) is a store inline where there is room, and the
runtime's append only to grow: lists grown from empty past several
capacities, objects whose only reference the list takes over, the same
object many times, the extremes of int and u64, lists of lists, and
appends while other references to the list look at it."""
from pythos.lang import u64


class Token:
    def __init__(self, kind: str, value: int) -> None:
        self.kind = kind
        self.value = value

    def __repr__(self) -> str:
        return f"Token({self.kind!r}, {self.value})"


def tokens(n: int) -> list[Token]:
    out: list[Token] = []
    for i in range(n):
        out.append(Token("num" if i % 3 else "op", i * i))
    return out


def main() -> None:
    ts = tokens(100)
    print(len(ts), ts[:3], ts[-1], sum(t.value for t in ts))
    same = Token("same", 1)
    many: list[Token] = []
    for _ in range(50):
        many.append(same)
    print(len(many), many[0] is many[49], many[10])

    ints: list[int] = []
    for v in (0, -1, 2 ** 63 - 1, -(2 ** 63), 42):
        ints.append(v)
    big: list[u64] = []
    big.append(u64(0))
    big.append(u64(18446744073709551615))
    big.append(u64(1) << u64(63))
    print(ints, big, [b >> u64(1) for b in big])

    words: list[str] = []
    for i in range(40):
        words.append(str(i) * (i % 4))
        words.append("")
    print(len(words), words[:9], "".join(words)[:30])

    rows: list[list[int]] = []
    for r in range(5):
        row: list[int] = []
        for c in range(r):
            row.append(r * c)
        rows.append(row)
        rows.append(row)
    rows[0].append(99)
    print(rows, rows[0] is rows[1])

    alias = rows
    before = len(alias)
    rows.append([7])
    print(before, len(alias), alias[-1])
    grown: list[str] = []
    for i in range(1000):
        grown.append(f"w{i}")
    print(len(grown), grown[998:], grown.count("w7"))
    grown.clear()
    grown.append("again")
    print(grown)


main()

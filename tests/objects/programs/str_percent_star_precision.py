"""printf-style formatting: `*` widths and precisions taken from the
arguments (a negative width left-justifies), and precisions of strings."""


class Item:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Item({self.name!r})"


order: list[int] = []


def arg(n: int) -> int:
    order.append(n)
    return n


def main() -> None:
    for w in (-6, -1, 0, 3, 8):
        print("[%*d] [%-*d] [%0*d] [%+*d] [%*s] [%-*s] [%*r]"
              % (w, 42, w, 42, w, -42, w, 7, w, "ab", w, "cd", w, "e"))
    print("%.3s|%.0s|%.10s|%5.2s|%-5.2r|%.2r|%.s|" % ("abcdef", "abc", "abc", "abc", "abc",
                                                      Item("z"), "gone"))
    for p in (-2, 0, 1, 3, 9):
        print("%.*s|%*.*s|%-*.*s|" % (p, "héllo", 7, p, "wörld", 6, p, Item("i")))
    print("%.3s" % "日本語テキスト", "%-8.4s|" % "ünïcode")
    print("%#*x|%*X|%0*o|" % (8, 255, -5, 255, 6, 8))
    print("%*d %*d" % (arg(3), arg(1), arg(2), arg(5)), order)
    table = [("apple", 3), ("kiwi", 12), ("watermelon", 150)]
    width = max(len(name) for name, _ in table)
    for name, count in table:
        print("%-*s %*d|" % (width, name, 4, count))
    objs: list[object] = [None, [1, 2], (3,), {"k": 1}]
    for o in objs:
        print("%.4s|%*s|" % (o, 10, o))


main()

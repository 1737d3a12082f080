"""str.replace's count; str methods as sort keys (key=str.lower); an empty
display after `or` typed by the operand before it."""

from __future__ import annotations


class Tree:
    def __init__(self, name: str, children: list[Tree] | None = None,
                 tags: dict[str, int] | None = None) -> None:
        self.name = name
        self.children = children or []
        self.tags = tags or {}

    def names(self) -> list[str]:
        out = [self.name]
        for c in self.children:
            out += c.names()
        return out


def main() -> None:
    s = "a-b-c-d"
    n = 2
    print(s.replace("-", "+"), s.replace("-", "+", 1), s.replace("-", "+", n),
          s.replace("-", "", -1))
    print(s.replace("-", "=", 0), s.replace("", "|", 3), s.replace("", "|"),
          "ééé".replace("é", "e", 2), s.replace("x", "y", 5))
    words = ["banana", "Apple", "cherry", "apple", " Date"]
    print(sorted(words), sorted(words, key=str.lower), sorted(words, key=str.strip))
    print(min(words, key=str.casefold), max(words, key=str.upper))
    words.sort(key=str.swapcase, reverse=True)
    print(words)
    t = Tree("root", [Tree("a"), Tree("b", [Tree("c")], {"x": 1})])
    print(t.names(), len(t.children[0].children), t.children[1].tags, t.tags)


if __name__ == "__main__":
    main()

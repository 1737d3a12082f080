"""Instances whose counted fields are all str are released at once, their
strs with them, also in the middle of another release (a list of them, a
tree that holds them): literals, static one-character strs and strs made
at run time in their fields, shared strs, subclasses that add an int, and
subclasses that add an object field (released the general way)."""

from __future__ import annotations


class Word:
    def __init__(self, text: str, tag: str, n: int) -> None:
        self.text = text
        self.tag = tag
        self.n = n


class Marked(Word):
    def __init__(self, text: str, tag: str, n: int) -> None:
        super().__init__(text, tag, n)
        self.weight = n * 2


class Linked(Word):
    def __init__(self, text: str, tag: str, n: int, nxt: Word | None) -> None:
        super().__init__(text, tag, n)
        self.nxt = nxt


class Tree:
    def __init__(self, word: Word, left: Tree | None, right: Tree | None) -> None:
        self.word = word
        self.left = left
        self.right = right


def build(depth: int, text: str) -> Tree | None:
    if depth == 0:
        return None
    w = Word(text[depth % len(text)] + str(depth), "leaf" if depth == 1 else "node", depth)
    return Tree(w, build(depth - 1, text), build(depth - 1, text + "x"))


def count(t: Tree | None) -> int:
    if t is None:
        return 0
    return 1 + count(t.left) + count(t.right)


def main() -> None:
    shared = "shared-" + str(7)
    words: list[Word] = []
    for i in range(200):
        if i % 3 == 0:
            words.append(Word(shared, "a", i))
        elif i % 3 == 1:
            words.append(Marked("w" + str(i), "ab"[i % 2], i))
        else:
            words.append(Word("xyz"[i % 3], "lit", i))
    print(len(words), words[0].text, words[1].tag, words[2].text, words[4].tag)
    kept = words[10]
    words.clear()  # all released but one, in one release
    print(kept.text, kept.tag, kept.n, shared)
    # a chain whose links are released one after another
    chain: Word | None = None
    for i in range(1000):
        chain = Linked("link" + str(i), "l", i, chain)
    print(chain.text if chain is not None else "")
    chain = None
    # a tree of nodes, each holding a str-only record, released in one go
    tree = build(10, "pq")
    print(count(tree))
    tree = None
    # a field replaced: the old str released at once
    w = Word("one" + "!", "t", 1)
    w.text = "two"
    w.tag = w.text[0]
    print(w.text, w.tag, w.n)
    table = {"k": Word("v" * 3, "d", 0)}
    print(table["k"].text)
    table.clear()


if __name__ == "__main__":
    main()

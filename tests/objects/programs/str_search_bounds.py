"""Searching within bounds: find, count, startswith and index with start
and end, walking every occurrence of a word in non-ASCII text."""


def occurrences(text: str, word: str) -> list[int]:
    found: list[int] = []
    i = text.find(word)
    while i >= 0:
        found.append(i)
        i = text.find(word, i + 1)
    return found


def main() -> None:
    text = "über alles, Übermut und über den Wolken über"
    print(occurrences(text, "über"), occurrences(text, "ü"), occurrences(text, "x"))
    print(text.count("über", 5), text.count("über", 5, -4), text.startswith("alles", 5))
    print(text.index("Über"), text.rindex("über", 0, 30), text.endswith("Wolken", 0, -5))
    print(text.title(), "|", text.capitalize(), "|", text.swapcase())
    table = "name\tqty\tprice\nfïg\t12\t0.5\nkiwi\t3\t12.25"
    print(table.expandtabs(8))
    print(table.expandtabs(4).splitlines())


if __name__ == "__main__":
    main()

"""!= uses __eq__ when __ne__ is not defined; `in` and count and index
on lists use __eq__."""


class Word:
    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Word) and self.text.lower() == other.text.lower()

    def __hash__(self) -> int:
        return hash(self.text.lower())


def main() -> None:
    ws = [Word("Apple"), Word("pear"), Word("APPLE")]
    print(Word("a") != Word("A"), Word("a") != Word("b"))
    print(Word("apple") in ws, ws.count(Word("apple")), ws.index(Word("PEAR")))
    ws.remove(Word("aPPle"))
    print([w.text for w in ws], len({w for w in ws}))


if __name__ == "__main__":
    main()

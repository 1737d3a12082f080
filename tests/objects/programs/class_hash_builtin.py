"""hash() of ints, bools, tuples and instances as CPython computes it; a
str's hash varies between runs, so only its consistency is printed."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    row: int
    col: int


class Token:
    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and other.text == self.text

    def __hash__(self) -> int:
        return len(self.text)


def main() -> None:
    print(hash(0), hash(42), hash(-1), hash(-2), hash(2**61 - 1), hash(2**62))
    print(hash(True), hash(False), hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))))
    print(hash(Cell(1, 2)) == hash((1, 2)), hash(Cell(0, 0)), hash(Token("abc")))
    word = "kernel"
    print(hash(word) == hash("ker" + "nel"), hash((word, 1)) == hash(("kernel", 1)))
    seen = {Token("a"), Token("bb"), Token("a")}
    print(len(seen), Token("bb") in seen, {Cell(1, 1): "x"}[Cell(1, 1)])


if __name__ == "__main__":
    main()

"""Strings as objects: str literals held in fields, passed, returned,
compared and measured (also non-ASCII text), and a str field in a
dataclass's generated ==."""

from dataclasses import dataclass
from typing import Final


class Greeter:
    PREFIX: Final = "Hello"

    def __init__(self, name: str, punctuation: str = "!") -> None:
        self.name = name
        self.punctuation = punctuation

    def greet(self) -> None:
        print(f"{self.name:>8}|{self.punctuation}|{len(self.name)}")

    def rename(self, name: str) -> str:
        old = self.name
        self.name = name
        return old


@dataclass
class Word:
    text: str
    count: int = 0


def longest(a: Greeter, b: Greeter) -> str:
    return a.name if len(a.name) >= len(b.name) else b.name


def main() -> None:
    g = Greeter("Ada")
    h = Greeter("Grüße", "?")
    g.greet()
    h.greet()
    print(longest(g, h), len("Grüße"), len("日本語"), g.name == "Ada", g.name == h.name)
    old = g.rename("Lovelace")
    print(old, g.name, longest(g, h))
    w1 = Word("héllo", 2)
    w2 = Word("héllo", 2)
    w3 = Word("hello", 2)
    print(w1 == w2, w1 == w3, w1.text, w3.text == "hello")
    print(Greeter.PREFIX, len(Greeter.PREFIX))


if __name__ == "__main__":
    main()

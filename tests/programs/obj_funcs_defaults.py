"""Default arguments of immutable types: int, str, bool, tuple, None and
Final constants, in functions, methods and nested functions."""
from typing import Final

LIMIT: Final = 3
PREFIX: Final = ">>"


class Node:
    def __init__(self, value: int, next: "Node | None" = None) -> None:
        self.value = value
        self.next = next

    def describe(self, sep: str = "->", show: bool = True) -> str:
        if not show:
            return "hidden"
        text = str(self.value)
        node = self.next
        while node is not None:
            text += sep + str(node.value)
            node = node.next
        return text


def greet(name: str, greeting: str = "hello", times: int = 1, loud: bool = False) -> str:
    text = (greeting + " " + name + " ") * times
    return text.upper() if loud else text


def span(bounds: tuple[int, int] = (1, 4), step: int = LIMIT) -> list[int]:
    return [i for i in range(bounds[0], bounds[1] * step, step)]


def tag(text: str, prefix: str = PREFIX, tags: tuple[str, str] = ("<", ">")) -> str:
    return prefix + tags[0] + text + tags[1]


def outer(base: int) -> int:
    def inner(x: int, scale: int = 10) -> int:
        return base + x * scale
    return inner(1) + inner(2, scale=100) + inner(scale=1, x=3)


def main() -> None:
    print(greet("ann"), greet("bob", "hi"), greet("cy", times=2), greet("di", loud=True))
    print(span(), span((0, 2)), span(step=2), tag("x"), tag("y", "#"), tag("z", tags=("[", "]")))
    chain = Node(1, Node(2, Node(3)))
    print(chain.describe(), chain.describe(", "), chain.describe(show=False), Node(9).describe())
    print(outer(5))


if __name__ == "__main__":
    main()

"""Spreading into constructors: a dataclass's generated __init__ and a
class's own, with *t of a fixed-length tuple and **d of a dict, whose
keys give the fields left to their defaults (CPython's TypeErrors else)."""

from dataclasses import dataclass


@dataclass
class P:
    x: int
    y: int = 0
    z: int = -1


class Box:
    def __init__(self, width: int = 1, height: int = 1, *labels: str) -> None:
        self.area = width * height
        self.labels = labels

    def __repr__(self) -> str:
        return f"Box({self.area}, {self.labels})"


def main() -> None:
    pair = (1, 2)
    print(P(*pair), P(7))
    d = {"y": 9}
    print(P(4, **d), P(4, **{"z": 2}), P(*pair, **{"z": 3}))
    for bad in [{"w": 1}, {"x": 2}]:
        try:
            print(P(1, **bad))
        except TypeError as e:
            print("TypeError:", e)
        try:
            print(Box(**bad))
        except TypeError as e:
            print("TypeError:", e)
    size = (3, 4)
    print(Box(), Box(*size), Box(*size, *["a", "b"]), Box(**{"height": 5}))
    print([Box(*(w, w + 1)) for w in range(3)])


main()

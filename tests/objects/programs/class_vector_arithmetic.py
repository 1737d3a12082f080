"""Vectors with __add__, __sub__, __mul__ and __rmul__: expressions,
augmented assignment, and sum() of a list of vectors from a zero vector."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Vec:
    x: int
    y: int

    def __add__(self, other: "Vec") -> "Vec":
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other: "Vec") -> "Vec":
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k: int) -> "Vec":
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k: int) -> "Vec":
        return self * k


ZERO = Vec(0, 0)


def main() -> None:
    path = [Vec(1, 2), Vec(-3, 4), Vec(5, -6)]
    print(sum(path, ZERO), sum(path[1:], start=Vec(10, 10)))
    pos = ZERO
    for step in path:
        pos += 2 * step
    print(pos, pos - path[0] * 3, {pos: "here"}[Vec(6, 0)])


if __name__ == "__main__":
    main()

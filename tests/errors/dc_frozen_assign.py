# error: 13:5: cannot assign to field "x": dataclass "Point" is frozen (its fields are
from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    x: int
    y: int


def main() -> None:
    p = Point(1, 2)
    p.x = 3


if __name__ == "__main__":
    main()

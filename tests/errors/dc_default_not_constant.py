# error: 11:27: a field's default must be a constant (None, a number, a string, or a tuple of them); for anything else, use field(default_factory=...)
from dataclasses import dataclass


def origin() -> int:
    return 0


@dataclass
class Point:
    at: tuple[int, int] = (origin(), 0)


def main() -> None:
    print(Point())

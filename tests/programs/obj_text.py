"""The text of instances: print() and f-strings use __str__, falling back
to __repr__ (also an overriding one, through the vtable); str() and
repr(); a dataclass's generated repr with int, bool and str fields (the
str fields repr'd with CPython's quotes and escapes)."""

from dataclasses import dataclass


class Temp:
    def __init__(self, c: int) -> None:
        self.c = c

    def __str__(self) -> str:
        return f"{self.c}C"

    def __repr__(self) -> str:
        return f"Temp({self.c})"


class Kelvin(Temp):
    def __repr__(self) -> str:
        return f"Kelvin({self.c + 273})"


@dataclass
class Point:
    x: int
    y: int
    name: str = "p'q"
    ok: bool = True


def main() -> None:
    t = Temp(21)
    k = Kelvin(5)
    print(t, k, repr(t), repr(k), str(k))
    print(f"[{t}] [{Point(1, -2)}]")
    s = str(Point(3, 4, "é\n"))
    print(s, len(s), repr(Point(0, 0)))


if __name__ == "__main__":
    main()

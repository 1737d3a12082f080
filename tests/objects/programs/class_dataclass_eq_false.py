"""@dataclass(eq=False) keeps identity equality (and so a hash), while
still generating __init__ and __repr__."""
from dataclasses import dataclass


@dataclass(eq=False)
class Handle:
    fd: int


def main() -> None:
    a = Handle(3)
    b = Handle(3)
    print(a, a == b, a == a)
    open_handles = {a, b}
    print(len(open_handles))


if __name__ == "__main__":
    main()

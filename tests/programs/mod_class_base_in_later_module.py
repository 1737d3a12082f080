"""Virtual calls on a subclass whose module is imported before its base's:
its vtable must start with the base's slots, wherever the checker meets
the two classes."""

from lib_vt_sub import Square
from lib_vt_base import Shape


def show(shape: Shape) -> None:
    print(shape.describe(), shape.area(), shape.name())


def main() -> None:
    square = Square(3)
    show(square)
    square.grow()
    show(square)
    show(Shape())


if __name__ == "__main__":
    main()

"""A subclass declared before its base: this module's classes are met
first (mod_class_base_in_later_module.py)."""

from lib_vt_base import Shape


class Square(Shape):
    def __init__(self, side: int) -> None:
        super().__init__()
        self.side = side

    def grow(self) -> None:
        self.side += 1

    def area(self) -> int:
        return self.side * self.side

    def name(self) -> str:
        return "square"

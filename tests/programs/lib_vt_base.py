"""A base class whose methods a subclass in another module overrides
(mod_class_base_in_later_module.py)."""


class Shape:
    def __init__(self) -> None:
        self.moves = 0

    def area(self) -> int:
        return 0

    def name(self) -> str:
        return "shape"

    def describe(self) -> str:
        return f"{self.name()} of area {self.area()}"

# error: 3:5: annotate this class attribute ('x: list[int] = ...') or make it a constant ('X: Final = ...'): only an int, str, bool or bytes literal gives it a type by itself
class Stack:
    items = [1, 2]

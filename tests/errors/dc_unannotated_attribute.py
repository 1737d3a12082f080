# error: 8:5: annotate a dataclass's attribute ('x: int = 0', a field) or make it a constant ('X: Final = 0')
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    kind = "point"

# error: 8:5: signature of "area" incompatible with supertype "Shape": its keyword-only parameters must be the base method's, in its order
class Shape:
    def area(self, *, unit: str = "cm") -> str:
        return unit


class Square(Shape):
    def area(self, *, units: str = "cm") -> str:
        return units

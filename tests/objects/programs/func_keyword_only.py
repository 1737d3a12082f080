from dataclasses import dataclass


def connect(host: str, *, port: int = 80, secure: bool = False) -> str:
    return f"{host}:{port}{' (tls)' if secure else ''}"


def scale(x: int, *, by: int) -> int:
    return x * by


class Shape:
    def area(self, *, unit: str = "cm") -> str:
        return f"0 {unit}2"

    def describe(self, name: str, *, loud: bool = False) -> str:
        text = f"{name}: {self.area(unit='m')}"
        return text.upper() if loud else text


class Square(Shape):
    def __init__(self, side: int, *, label: str = "sq") -> None:
        self.side = side
        self.label = label

    def area(self, *, unit: str = "cm") -> str:
        return f"{self.side * self.side} {unit}2"


@dataclass
class Box:
    w: int


def make_box(*, w: int = 3) -> Box:
    return Box(w)


def main() -> None:
    print(connect("example.org"))
    print(connect("example.org", port=443, secure=True))
    print(connect(host="h", secure=True))
    print(scale(4, by=3))
    shapes: list[Shape] = [Shape(), Square(3, label="three")]
    for s in shapes:
        print(s.area(), s.area(unit="mm"), s.describe("s"), s.describe("s", loud=True))
    sq = Square(2)
    print(sq.label, Square(5, label="five").label)
    print(make_box(), make_box(w=7))
    print(sorted([3, 1, 2], key=lambda v: scale(v, by=-1)))


if __name__ == "__main__":
    main()

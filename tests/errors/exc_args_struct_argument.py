# error: 17:13: an exception keeps its arguments in e.args, as objects, and a Point is not one
from pythos.lang import struct, u32


@struct
class Point:
    x: u32
    y: u32


class Off(Exception):
    def __init__(self, p: Point) -> None:
        self.x = p.x


def main() -> None:
    e = Off(Point(u32(1), u32(2)))
    print(e.x)


if __name__ == "__main__":
    main()

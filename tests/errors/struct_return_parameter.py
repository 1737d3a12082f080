# error: 13:16: returning 'p' would copy a struct that the caller can also reach (it is a parameter, the caller's own)
from pythos.lang import struct, u32


@struct
class Point:
    x: u32
    y: u32


def larger(p: Point, q: Point) -> Point:
    if p.x > q.x:
        return p
    return Point(q.x, q.y)


def main() -> None:
    a = Point(u32(3), u32(4))
    b = larger(a, Point(u32(1), u32(1)))
    b.x = u32(9)
    print(a.x)


if __name__ == "__main__":
    main()

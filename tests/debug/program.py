"""A small program for the debug-information tests (tests/debug/).

The tests set breakpoints on the lines marked `# line: NAME`, so they find
the line numbers by those markers; keep each marker on its statement."""

from __future__ import annotations

from pythos.lang import Array, Ptr, addr_of, i64, struct, u8, u16


@struct
class Point:
    x: i64
    y: i64


@struct
class Shape:
    corner: Point
    tags: Array[u8, 4]
    next: Ptr[Shape]
    sides: u16


COUNTER: i64 = 7


def scaled(p: Point, factor: i64) -> i64:
    product = p.x * p.y  # line: product
    result = product * factor  # line: result
    return result


def describe(s: Shape) -> i64:
    area = scaled(s.corner, i64(s.sides))  # line: describe
    return area + i64(s.tags[1])


def main() -> None:
    shape = Shape(Point(3, 4), Array[u8, 4](), Ptr[Shape](0), u16(5))
    shape.tags[1] = u8(9)
    shape.next = addr_of(shape)
    total = describe(shape)  # line: main
    print(total + COUNTER)


if __name__ == "__main__":
    main()

"""Helper module for the mod_* programs: struct types and functions on them."""

from typing import Final

from pythos.lang import struct, i32, u32, Array

GRID: Final = 8


@struct
class Vec2:
    x: i32
    y: i32

    def manhattan(self) -> i32:
        ax = self.x if self.x >= 0 else -self.x
        ay = self.y if self.y >= 0 else -self.y
        return ax + ay

    def shift(self, dx: i32, dy: i32) -> None:
        self.x += dx
        self.y += dy


@struct
class Rect:
    lo: Vec2
    hi: Vec2

    def width(self) -> i32:
        return self.hi.x - self.lo.x

    def height(self) -> i32:
        return self.hi.y - self.lo.y

    def contains(self, p: Vec2) -> bool:
        return self.lo.x <= p.x < self.hi.x and self.lo.y <= p.y < self.hi.y


ORIGIN = Vec2(0, 0)
SHAPES = Array[Rect, 4]()
shape_count = 0


def area(r: Rect) -> i32:
    return r.width() * r.height()


def make_rect(x0: i32, y0: i32, x1: i32, y1: i32) -> Rect:
    return Rect(Vec2(x0, y0), Vec2(x1, y1))


def add_shape(r: Rect) -> int:
    global shape_count
    SHAPES[shape_count] = r
    shape_count += 1
    return shape_count - 1


def total_area() -> i32:
    t = i32(0)
    for i in range(shape_count):
        t += area(SHAPES[i])
    return t


def covered_cells() -> u32:
    n = u32(0)
    p = Vec2()
    for y in range(GRID):
        for x in range(GRID):
            p.x = i32(x)
            p.y = i32(y)
            for i in range(shape_count):
                if SHAPES[i].contains(p):
                    n += 1
                    break
    return n

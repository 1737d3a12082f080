from pythos.lang import struct, u8, u32, i32


@struct
class Vec:
    x: i32
    y: i32


@struct
class Rect:
    lo: Vec
    hi: Vec
    color: u8


@struct
class Scene:
    bounds: Rect
    cursor: Vec
    frames: u32


def area(r: Rect) -> i32:
    return (r.hi.x - r.lo.x) * (r.hi.y - r.lo.y)


def grow(r: Rect, d: i32) -> None:
    r.lo.x -= d
    r.lo.y -= d
    r.hi.x += d
    r.hi.y += d


def show(r: Rect) -> None:
    print(f"Rect(({r.lo.x},{r.lo.y}) .. ({r.hi.x},{r.hi.y}) color={r.color}) area={area(r)}")


def main() -> None:
    r = Rect(Vec(1, 2), Vec(11, 7), 3)
    show(r)
    grow(r, i32(2))
    show(r)
    e = Rect()
    show(e)
    v = Vec(5, 5)
    e.hi = v
    v.x = 100
    show(e)
    print("v.x", v.x, "e.hi.x", e.hi.x)
    e.lo = Vec(-5, -5)
    show(e)
    s = Scene(r, Vec(3, 4), 0)
    r.color = 99
    print("scene color", s.bounds.color, "r color", r.color)
    for i in range(5):
        s.frames += 1
        s.cursor.x += s.cursor.y
        s.bounds.hi.y += i32(i)
    print("scene", s.frames, s.cursor.x, s.cursor.y, s.bounds.hi.y, area(s.bounds))
    grow(s.bounds, i32(-1))
    show(s.bounds)
    inner = s.bounds.lo
    inner.x = 1000
    print("alias through field", s.bounds.lo.x)
    s2 = Scene(bounds=Rect(hi=Vec(2, 2)))
    show(s2.bounds)
    print(s2.frames, s2.cursor.x)


if __name__ == "__main__":
    main()

from pythos.lang import struct, u8, u16, u32, i32, i64


@struct
class Point:
    x: i32
    y: i32


@struct
class Mixed:
    a: u8
    b: u32
    c: i64
    d: bool
    e: u16


def show(p: Point) -> None:
    print(f"Point({p.x}, {p.y})")


def main() -> None:
    p0 = Point()
    p1 = Point(1, 2)
    p2 = Point(y=2)
    p3 = Point(x=-5)
    p4 = Point(7, y=-8)
    p5 = Point(y=10, x=20)
    show(p0)
    show(p1)
    show(p2)
    show(p3)
    show(p4)
    show(p5)
    m = Mixed()
    print(m.a, m.b, m.c, m.d, m.e)
    m = Mixed(255, 4000000000, -1, True, 65535)
    print(m.a, m.b, m.c, m.d, m.e)
    m.a += 1
    m.b += 300000000
    m.c -= i64(9223372036854775807)
    m.d = not m.d
    m.e = m.e * 2
    print(m.a, m.b, m.c, m.d, m.e)
    q = Mixed(c=42, e=7)
    print(q.a, q.b, q.c, q.d, q.e)
    # field arithmetic in loops
    acc = Point()
    for i in range(10):
        acc.x += i32(i)
        acc.y -= i32(i) * i32(i)
    show(acc)
    # fields of one struct used to build another
    r = Point(acc.y, acc.x)
    show(r)
    r.x = r.x * r.x * r.x * r.x
    show(r)


if __name__ == "__main__":
    main()

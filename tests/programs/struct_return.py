from pythos.lang import struct, u8, i32, u32, Array


@struct
class V3:
    x: i32
    y: i32
    z: i32


@struct
class Box:
    lo: V3
    hi: V3
    name_id: u8


def make(x: i32, y: i32, z: i32) -> V3:
    v = V3(x, y, z)
    return v


def add(a: V3, b: V3) -> V3:
    return V3(a.x + b.x, a.y + b.y, a.z + b.z)


def cross(a: V3, b: V3) -> V3:
    r = V3()
    r.x = a.y * b.z - a.z * b.y
    r.y = a.z * b.x - a.x * b.z
    r.z = a.x * b.y - a.y * b.x
    return r


def dot(a: V3, b: V3) -> i32:
    return a.x * b.x + a.y * b.y + a.z * b.z


def bounding(n: int) -> Box:
    b = Box()
    b.lo = make(i32(1000), i32(1000), i32(1000))
    b.hi = make(i32(-1000), i32(-1000), i32(-1000))
    for i in range(n):
        p = make(i32(i * 7 % 11) - 5, i32(i * 5 % 13) - 6, i32(i * 3 % 7) - 3)
        if p.x < b.lo.x:
            b.lo.x = p.x
        if p.y < b.lo.y:
            b.lo.y = p.y
        if p.z < b.lo.z:
            b.lo.z = p.z
        if p.x > b.hi.x:
            b.hi.x = p.x
        if p.y > b.hi.y:
            b.hi.y = p.y
        if p.z > b.hi.z:
            b.hi.z = p.z
    b.name_id = u8(n)
    return b


def show(label: str, v: V3) -> None:
    print(f"{label} = ({v.x}, {v.y}, {v.z})")


def main() -> None:
    a = make(i32(1), i32(2), i32(3))
    b = make(i32(4), i32(5), i32(6))
    c = add(a, b)
    show("a+b", c)
    c.x = 100
    show("a", a)
    show("b", b)
    show("c", c)
    show("a x b", cross(a, b))
    print("a . b", dot(a, b), "(a x b) . a", dot(cross(a, b), a))
    # chained returns
    s = add(add(a, a), add(b, cross(b, a)))
    show("chain", s)
    box = bounding(30)
    show("lo", box.lo)
    show("hi", box.hi)
    print("id", box.name_id)
    # returned struct stored into an array element
    arr = Array[V3, 4]()
    for i in range(4):
        arr[i] = make(i32(i), i32(i * i), i32(-i))
    acc = V3()
    for v in arr:
        acc = add(acc, v)
    show("acc", acc)
    # two calls give independent values
    m1 = make(i32(1), i32(1), i32(1))
    m2 = make(i32(1), i32(1), i32(1))
    m1.x = 50
    print("independent", m1.x, m2.x)
    total = u32(0)
    for i in range(100):
        t = make(i32(i), i32(i + 1), i32(i + 2))
        total += u32(dot(t, t))
    print("total", total)


if __name__ == "__main__":
    main()

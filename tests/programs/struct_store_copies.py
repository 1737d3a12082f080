"""Storing a struct or array into a field or an array element copies its
value, under CPython (pythos.lang copies the bytes) as compiled: later
changes to the source do not reach the copy, nor the other way round."""

from pythos.lang import Array, struct, u16, u32


@struct
class Pair:
    a: u32
    b: u32


@struct
class Holder:
    pair: Pair
    row: Array[u16, 3]


holder = Holder()
pairs = Array[Pair, 2]()


def main() -> None:
    p = Pair(u32(1), u32(2))
    holder.pair = p  # field store: a copy
    p.a = u32(10)
    print("field", holder.pair.a, p.a)
    holder.pair.b = u32(20)
    print("source", p.b)

    h = Holder(p)  # constructor arguments are stored the same way
    p.b = u32(30)
    print("ctor", h.pair.a, h.pair.b, p.b)

    pairs[0] = p  # element store: a copy
    p.a = u32(11)
    print("element", pairs[0].a, p.a)
    pairs[1] = pairs[0]
    pairs[0].b = u32(99)
    print("element to element", pairs[1].b, pairs[0].b)

    r = Array[u16, 3]()
    r[1] = u16(5)
    holder.row = r  # an array field: a copy
    r[1] = u16(6)
    print("array field", holder.row[1], r[1])

    q = holder.pair  # a name for the field itself, not a copy
    q.a = u32(7)
    print("alias", holder.pair.a)


if __name__ == "__main__":
    main()

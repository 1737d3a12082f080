"""Chained assignment `a = b = value`: the value is evaluated once, then
assigned to each target from left to right, so a target may use a name
that a later target changes."""

from pythos.lang import Array, struct, u8, u32

calls = u32(0)
top = u32(0)


@struct
class Slot:
    value: u32
    other: u32


def next_value() -> u32:
    global calls
    calls += 1
    print("next_value", calls)
    return calls * 10


def main() -> None:
    global top
    a = b = next_value()
    print(a, b, calls)
    cells = Array[u32, 4]()
    i = 1
    cells[i] = i = 3
    print(cells[0], cells[1], cells[2], cells[3], i)
    slot = Slot()
    slot.value = slot.other = top = next_value()
    print(slot.value, slot.other, top)
    x: u8 = u8(200)
    y = z = x + 100
    print(y, z)
    m = n = 7
    m += 1
    print(m, n)
    flag = done = False
    print(flag, done)


if __name__ == "__main__":
    main()

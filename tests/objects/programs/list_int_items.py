"""Items of lists of integers, read and written inline (issue 11): every
width, negative indexes, a list from a call, a list whose last use is an
index, appends while indexing (the length read again), and the loops of
the list_isort benchmark."""

from pythos.lang import i8, u8, u16, i32


def fresh() -> list[int]:
    return [int(10), int(20), int(30)]


def insertion_sort(a: list[int]) -> None:
    for i in range(1, len(a)):
        x = a[i]
        j = i - 1
        while j >= 0 and a[j] > x:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = x


def main() -> None:
    a: list[int] = []
    for i in range(12):
        a.append((i * 7919) % 23 - 11)
    insertion_sort(a)
    print(a, a[0], a[-1], a[-12])
    for i in range(1, len(a)):
        a[i] = a[i] + a[i - 1]
    a[-2] = -a[-2]
    print(a)
    print(fresh()[1], fresh()[-3])
    last = fresh()
    print(last[2])
    b: list[u8] = [u8(1), u8(2), u8(250)]
    b[0] = u8(255)
    b[-1] += u8(10)
    print(b, b[0], b[-1])
    c: list[i8] = [i8(-128), i8(127)]
    c[1] = c[0]
    print(c)
    d: list[u16] = [u16(65535)]
    e: list[i32] = [i32(-5), i32(7)]
    e[0] = e[0] * i32(3)
    print(d[0], e)
    grow = [int(1)]
    i = 0
    while i < len(grow) and len(grow) < 6:
        grow.append(grow[i] * 2)
        i += 1
    print(grow, grow[5])


if __name__ == "__main__":
    main()

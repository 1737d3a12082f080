from pythos.lang import u8, u32, Array

G = Array[u32, 6]()


def fill(a: Array[u32, 6], base: u32) -> None:
    for i in range(len(a)):
        a[i] = base + u32(i)


def total(a: Array[u32, 6]) -> u32:
    t = u32(0)
    for v in a:
        t += v
    return t


def rotate_left(a: Array[u32, 6]) -> None:
    first = a[0]
    for i in range(len(a) - 1):
        a[i] = a[i + 1]
    a[-1] = first


def main() -> None:
    fill(G, u32(10))
    print("G total", total(G))
    b = G
    b[0] = 1000
    print("through alias", G[0], b[0])
    rotate_left(b)
    print("rotated", G[0], G[1], G[5])
    loc = Array[u32, 6]()
    fill(loc, u32(1))
    alias = loc
    rotate_left(alias)
    rotate_left(alias)
    for v in loc:
        print(v, end=" ")
    print()
    # two names, writes interleaved
    x = Array[u8, 3]()
    y = x
    x[0] = 1
    y[1] = 2
    x[2] = y[0] + y[1]
    print("x", x[0], x[1], x[2], "y", y[0], y[1], y[2])
    # mutation of array during iteration is visible to later elements
    c = Array[u32, 6]()
    for i in range(6):
        c[i] = u32(i)
    seen = u32(0)
    k = 0
    for v in c:
        seen = seen * 10 + v
        if k + 1 < 6:
            c[k + 1] = c[k + 1] + 5
        k += 1
    print("seen", seen)


if __name__ == "__main__":
    main()

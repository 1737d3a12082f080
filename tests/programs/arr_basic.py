from pythos.lang import u8, u16, i32, u64, Array

GLOBAL_TABLE = Array[u16, 10]()
SQUARES: Array[u64, 8] = Array[u64, 8]()


def fill_global() -> None:
    for i in range(len(GLOBAL_TABLE)):
        GLOBAL_TABLE[i] = u16(1000 * i)
    for i in range(len(SQUARES)):
        SQUARES[i] = u64(i) * u64(i)


def sum16(a: Array[u16, 10]) -> u16:
    s = u16(0)
    for v in a:
        s += v
    return s


def main() -> None:
    fill_global()
    print("len", len(GLOBAL_TABLE), len(SQUARES))
    print("first", GLOBAL_TABLE[0], "last", GLOBAL_TABLE[9], "neg1", GLOBAL_TABLE[-1], "neg10", GLOBAL_TABLE[-10])
    print("sum16 wraps", sum16(GLOBAL_TABLE))
    for v in SQUARES:
        print(v, end=" ")
    print()
    loc = Array[i32, 5]()
    print("zeroed", loc[0], loc[1], loc[2], loc[3], loc[4])
    for i in range(5):
        loc[i] = i32(-i * 3)
    for i in range(-1, -6, -1):
        print(f"loc[{i}] = {loc[i]}")
    loc[-2] = 77
    loc[0] += loc[-2]
    print("after", loc[0], loc[3])
    b = Array[u8, 4]()
    b[0] = 255
    b[1] = b[0] + 1
    b[2] = b[0] * b[0]
    b[3] = ~b[1]
    print("u8 elems", b[0], b[1], b[2], b[3])
    # index with different integer types
    idx8 = u8(2)
    idx64 = u64(3)
    print("typed idx", loc[idx8], loc[idx64])
    # count, min, max with iteration
    data = Array[i32, 12]()
    seed = i32(7)
    for i in range(12):
        seed = seed * 1103515245 + 12345
        data[i] = (seed >> 16) % 100
    mn = data[0]
    mx = data[0]
    cnt_even = 0
    for d in data:
        print(d, end=",")
        if d < mn:
            mn = d
        if d > mx:
            mx = d
        if d % 2 == 0:
            cnt_even += 1
    print()
    print("min", mn, "max", mx, "even", cnt_even)
    # reverse in place
    n = len(data)
    for i in range(n // 2):
        t = data[i]
        data[i] = data[n - 1 - i]
        data[n - 1 - i] = t
    print("reversed first/last", data[0], data[-1])


if __name__ == "__main__":
    main()

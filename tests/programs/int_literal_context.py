from pythos.lang import struct, u8, u16, u32, u64, i8, i16, i64, Array


@struct
class Regs:
    a: u8
    b: i16
    c: u64


def ret_u8() -> u8:
    return u8(255)


def take_u16(x: u16) -> u16:
    return x + 1


def take_i8(x: i8) -> i8:
    return x - 1


def main() -> None:
    # a literal takes the type of the other operand
    x = u8(200)
    print("u8 ctx", x + 55, x + 56, x * 2, 255 - x, x >> 7 if x > 8 else x << 1)
    y = i8(-100)
    print("i8 ctx", y - 28, y - 29, -128 - y, y * -1, 3 * y)
    # literals on the left of an operator
    z = u16(5)
    print("left", 10 - z, 65535 + z, 2 * z, 100 // z, 7 % z, 0xFF00 | z)
    w = u64(3)
    print("u64 left", 0xFFFFFFFFFFFFFFFF - w, 0x8000000000000000 | w, w << (w * 21))
    # literals assigned into typed storage
    arr = Array[u16, 3]()
    arr[0] = 65535
    arr[1] = arr[0] + 1
    arr[2] = 0x1234
    print("array", arr[0], arr[1], arr[2])
    r = Regs(200, -30000, 0xFFFFFFFFFFFFFFFF)
    r.a += 100
    r.b -= 10000
    r.c += 2
    print("struct", r.a, r.b, r.c)
    # literals as arguments and results
    print("calls", take_u16(u16(65535)), take_i8(i8(-128)), ret_u8() + 1, take_u16(u16(7)))
    # comparisons with literals at the edges
    print("cmp", x > 199, x == 200, y < -99, y >= -100, u64(0) - 1 == 18446744073709551615)
    # untyped integer expressions are i64
    big = 3000000000 * 3
    print("i64 default", big, -big, big // 7, -(2 ** 62) * 2)
    total = 0
    for i in range(10):
        total += i * 1000000000
    print("int total", total)
    m = i64(total)
    print("i64 of int", m * 200000000, i64(9223372036854775807) + 1)


if __name__ == "__main__":
    main()

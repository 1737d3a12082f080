from pythos.lang import u8, u16, u32, u64, i8, i32, i64, Array, struct


@struct
class Acc:
    v: u32
    w: i8


def main() -> None:
    a = u8(10)
    a += 250
    print("u8 +=", a)
    a -= 10
    print("u8 -=", a)
    a *= 51
    print("u8 *=", a)
    a //= 3
    print("u8 //=", a)
    a %= 7
    print("u8 %=", a)
    a **= 3
    print("u8 **=", a)
    a <<= 5
    print("u8 <<=", a)
    a >>= 2
    print("u8 >>=", a)
    a |= 0x0F
    print("u8 |=", a)
    a &= 0x3C
    print("u8 &=", a)
    a ^= 0xFF
    print("u8 ^=", a)
    b = i32(-17)
    b //= 5
    print("i32 //=", b)
    b %= 3
    print("i32 %=", b)
    b -= 2147483647
    print("i32 -=", b)
    b -= 5
    print("i32 -= again", b)
    c = i64(1)
    for i in range(70):
        c <<= 1
        c += 1
    print("i64 loop", c)
    h = u16(0)
    for i in range(300):
        h ^= u16(i)
        h *= 3
        h += 0x9E37
    print("u16 hash", h)
    # augmented assignment to array elements and struct fields
    arr = Array[u32, 4]()
    for i in range(10):
        arr[i % 4] += u32(i)
        arr[-1] *= 2
    print("arr", arr[0], arr[1], arr[2], arr[3])
    s = Acc()
    for i in range(40):
        s.v += u32(i) * 100000000
        s.w -= 7
    print("struct", s.v, s.w)
    q = u64(1)
    q **= 64
    print("u64 **= 64", q)
    q = u64(3)
    q **= 41
    print("u64 **= 41", q)


if __name__ == "__main__":
    main()

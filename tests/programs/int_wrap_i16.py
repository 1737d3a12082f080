from pythos.lang import i16


def main() -> None:
    mn = i16(-32768)
    mx = i16(32767)
    print("edges", mx + 1, mn - 1, -mn, mn * -1, mn // -1, mn % -1, ~mn, ~mx)
    print("mul", mx * mx, mn * mn, i16(300) * i16(300), i16(-300) * i16(200))
    print("pow", i16(3) ** 10, i16(-2) ** 15, i16(2) ** 16, i16(-7) ** 4)
    print("shl", i16(1) << 15, i16(3) << 14, i16(-1) << 16, i16(5) << 90)
    print("shr", mn >> 1, mn >> 15, mn >> 16, i16(-1) >> 3, mx >> 14, mx >> 16)
    a = i16(-1000)
    b = i16(7)
    print("div", a // b, a % b, -a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
    print("bits", a & b, a | b, a ^ b, a & mx, a | mn)
    # check the floor-division identity on a grid
    ok = 0
    bad = 0
    for x in range(-40, 41, 3):
        for y in range(-9, 10):
            if y == 0:
                continue
            p = i16(x)
            q = i16(y)
            d = p // q
            m = p % q
            if d * q + m == p and (m == 0 or (m < 0) == (q < 0)):
                ok += 1
            else:
                bad += 1
    print("identity ok", ok, "bad", bad)
    # a 16-bit checksum with wraparound of signed values
    c = i16(0)
    for i in range(500):
        c = c * 31 + i16(i)
    print("checksum", c)


if __name__ == "__main__":
    main()

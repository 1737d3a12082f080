from pythos.lang import i8


def show(label: str, v: i8) -> None:
    print(f"{label}: {v} {v:+d} {v:#x}")


def main() -> None:
    a = i8(100)
    b = i8(50)
    mn = i8(-128)
    mx = i8(127)
    show("add", a + b)
    show("sub", -b - a)
    show("mul", a * b)
    show("max+1", mx + 1)
    show("min-1", mn - 1)
    show("min//-1", mn // i8(-1))
    show("min%-1", mn % i8(-1))
    show("-min", -mn)
    show("min*-1", mn * -1)
    show("min*min", mn * mn)
    show("pow2_7", i8(2) ** 7)
    show("pow-3_3", i8(-3) ** 3)
    show("pow-3_5", i8(-3) ** 5)
    show("shl", i8(64) << 1)
    show("shl7", i8(-1) << 7)
    show("shl8", i8(1) << 8)
    show("shr", mn >> 7)
    show("shr100", mn >> 100)
    show("shrpos100", mx >> 100)
    show("shr-5", i8(-5) >> 1)
    show("inv0", ~i8(0))
    show("invmax", ~mx)
    show("and", i8(-86) & i8(15))
    show("or", i8(-86) | i8(15))
    show("xor", i8(-86) ^ i8(-1))
    show("-7//2", i8(-7) // 2)
    show("-7%2", i8(-7) % 2)
    show("7//-2", i8(7) // -2)
    show("7%-2", i8(7) % -2)
    show("-7//-2", i8(-7) // -2)
    show("-7%-2", i8(-7) % -2)
    show("min//3", mn // 3)
    show("min%3", mn % 3)
    show("sq", i8(-100) * i8(-100))
    # sum with wrap-around: all values -128..127 sum to -128
    s = i8(0)
    for v in range(-128, 128):
        s += i8(v)
    show("sumall", s)
    # count sign changes while adding 37 repeatedly
    x = i8(0)
    changes = 0
    for k in range(50):
        y = x + 37
        if (x < 0) != (y < 0):
            changes += 1
        x = y
    print("changes", changes, "final", x)


if __name__ == "__main__":
    main()

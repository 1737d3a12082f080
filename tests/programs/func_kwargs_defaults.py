from pythos.lang import u8, u32, i32


def scale(x: i32, factor: i32 = i32(2), offset: i32 = i32(0)) -> i32:
    return x * factor + offset


def describe(name: str, count: int = 1, loud: bool = False, sep: str = ": ") -> None:
    if loud:
        print(f"{name}{sep}{count}!")
    else:
        print(f"{name}{sep}{count}")


def window(lo: u32 = u32(10), hi: u32 = u32(20), step: u32 = u32(5)) -> u32:
    total = u32(0)
    v = u32(lo)
    while v < hi:
        total += v
        v += step
    return total


def pack(r: u8, g: u8 = u8(0), b: u8 = u8(0), a: u8 = u8(255)) -> u32:
    return (u32(a) << 24) | (u32(r) << 16) | (u32(g) << 8) | u32(b)


def main() -> None:
    print(scale(i32(5)), scale(i32(5), i32(3)), scale(i32(5), i32(3), i32(1)))
    print(scale(i32(5), offset=i32(7)), scale(x=i32(4)), scale(offset=i32(1), x=i32(2), factor=i32(10)))
    describe("apples")
    describe("pears", 3)
    describe("plums", loud=True)
    describe("figs", sep=" = ", count=12)
    describe(count=5, name="kiwis", loud=True, sep="->")
    print(window(), window(u32(0)), window(hi=u32(100)), window(step=u32(1)), window(u32(1), u32(4), u32(1)))
    print(f"{pack(u8(0x12)):#010x}")
    print(f"{pack(u8(0x12), u8(0x34)):#010x}")
    print(f"{pack(u8(0x12), b=u8(0x56)):#010x}")
    print(f"{pack(a=u8(0), r=u8(1), g=u8(2), b=u8(3)):#010x}")
    # defaults are evaluated per call: repeated calls give the same result
    for i in range(3):
        print(i, scale(i32(i)), window(lo=u32(i)))


if __name__ == "__main__":
    main()

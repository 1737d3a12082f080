from pythos.lang import u8, u32, i16


def sign(x: i16) -> i16:
    return i16(-1) if x < 0 else (i16(0) if x == 0 else i16(1))


def clamp(x: i16, lo: i16, hi: i16) -> i16:
    return lo if x < lo else hi if x > hi else x


def label(n: int) -> str:
    return "zero" if n == 0 else "one" if n == 1 else "many"


def main() -> None:
    for v in range(-300, 301, 75):
        x = i16(v)
        print(v, sign(x), clamp(x, i16(-100), i16(200)))
    for n in range(4):
        print(n, label(n))
    a = u8(200)
    b = u8(100)
    m = a if a > b else b
    print("max", m, "wrapped", (a if a < b else b) + m)
    total = u32(0)
    for i in range(20):
        total += u32(i) * 2 if i % 3 == 0 else u32(1)
    print("total", total)
    flag = True
    print("flag", "on" if flag else "off", "off" if flag else "on")
    s = 0
    for i in range(10):
        s += (i if i % 2 == 0 else -i) * (2 if i > 5 else 1)
    print("s", s)
    # conditional expression inside f-string
    for i in range(3):
        print(f"{i} is {'even' if i % 2 == 0 else 'odd'} {i * 10 if i else -1}")


if __name__ == "__main__":
    main()

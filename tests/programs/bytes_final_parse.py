from typing import Final

from pythos.lang import u8, u32, u64, i64, Array

NUMBERS: Final = b"12 -7 300 0 -2147483648 18446744073709551615 42x 9"
HEX: Final = b"dead BEEF 0 7fffffff ffffffffffffffff"
CONFIG: Final = b"width=80;height=25;depth=8;mode=3"


def parse_signed(data: bytes, start: int) -> i64:
    neg = False
    i = start
    if data[i] == 45:
        neg = True
        i += 1
    v = i64(0)
    while i < len(data) and 48 <= data[i] <= 57:
        v = v * 10 + i64(data[i] - 48)
        i += 1
    return -v if neg else v


def hex_digit(c: u8) -> u64:
    if 48 <= c <= 57:
        return u64(c - 48)
    if 97 <= c <= 102:
        return u64(c - 87)
    if 65 <= c <= 70:
        return u64(c - 55)
    return u64(16)


def main() -> None:
    # split NUMBERS on spaces, parse each token
    i = 0
    n = len(NUMBERS)
    while i < n:
        start = i
        while i < n and NUMBERS[i] != 32:
            i += 1
        v = parse_signed(NUMBERS, start)
        print(f"token at {start:2}: {v}")
        i += 1
    # hex words
    j = 0
    while j < len(HEX):
        h = u64(0)
        while j < len(HEX) and HEX[j] != 32:
            h = (h << 4) | hex_digit(u8(HEX[j]))
            j += 1
        print(f"hex {h:#x} = {h}")
        j += 1
    # key=value pairs: sum values and print keys char by char
    k = 0
    total = u32(0)
    while k < len(CONFIG):
        print("key ", end="")
        while CONFIG[k] != 61:
            print(chr(CONFIG[k]), end="")
            k += 1
        k += 1
        val = u32(0)
        while k < len(CONFIG) and CONFIG[k] != 59:
            val = val * 10 + u32(CONFIG[k] - 48)
            k += 1
        print(" =", val)
        total += val
        k += 1
    print("total", total)
    # copy a Final bytes constant into an array
    buf = Array[u8, 64]()
    for t in range(len(CONFIG)):
        buf[t] = CONFIG[t]
    print("buf", buf[0], buf[len(CONFIG) - 1], buf[len(CONFIG)])


if __name__ == "__main__":
    main()

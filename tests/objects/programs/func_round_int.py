"""round() of an int: x itself, or with a negative ndigits the nearest
multiple of 10**-ndigits, a tie going to the even multiple."""


def rounded_all(values: list[int], ndigits: int) -> list[int]:
    return [round(v, ndigits) for v in values]


def main() -> None:
    print(round(1234), round(1234, -2), round(1250, -2), round(1350, -2))
    print(round(-1250, -2), round(-1350, -2), round(-1251, -2), round(5, 2), round(5, 0))
    print(round(15, -1), round(25, -1), round(-15, -1), round(-25, -1), round(0, -3))
    print(round(999, -3), round(499, -3), round(500, -3), round(1500, -3))
    print(round(9223372036854775807, -18), round(-9223372036854775807, -2))
    print(round(123, -19), round(6000000000000000000, -20), round(123, ndigits=-1))
    for n in range(-21, 2):
        print(n, round(4999999999999999999, n), round(-5000000000000000000, n),
              round(-4000000000000000001, n))
    print(rounded_all(list(range(-30, 31, 5)), -1))
    print(rounded_all([x * 37 for x in range(-5, 6)], -2))
    total = 0
    for i in range(1000):
        total += round(i * 7919, -(i % 6))
    print(total)


main()

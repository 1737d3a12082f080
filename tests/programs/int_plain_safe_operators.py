"""Operators that cannot leave their type's range give the same value on
a plain int as on a sized one, so a literal reaching them through a
choice (`(200 if c else x) // 3`) is accepted: `//` and `%` of unsigned
values, `%` and `>>` of any, `& | ^` of in-range values, unary `+`, and
`~` of signed values."""

from pythos.lang import i8, u8


def main() -> None:
    for k in range(2):
        c = k == 1
        x = u8(7)
        y = i8(-3)
        print((200 if c else x) // 3, (200 if c else x) % 7, (x or 200) >> 2)
        print((200 if c else x) & 0xF0, (200 if c else x) | 3, (200 if c else x) ^ 0x55)
        print(~(y or 5), (-100 if c else y) % 7, +(x or 9), (-100 if c else y) >> 1)


if __name__ == "__main__":
    main()

"""Integer builtins (issue 11): hex(), bin() and oct() give CPython's
text (the sign before the prefix), abs() keeps a sized integer's type
(and wraps as pythos.lang does), pow(x, y) is x ** y; each argument is
evaluated once; bit_length() and bit_count() count the bits of |n|."""

from pythos.lang import i8, u8, u64


def noisy(n: int) -> int:
    print("eval", n)
    return n


def main() -> None:
    for n in (0, 1, -1, 255, -255, 4096, 2**62, -(2**63 - 1)):
        print(hex(n), bin(n), oct(n), abs(n))
    print(hex(noisy(10)), abs(noisy(-7)), pow(noisy(2), noisy(10)))
    print(hex(u8(200)), bin(True), oct(u64(2**64 - 1)), abs(u8(5)))
    print(abs(i8(-128)), abs(i8(-5)), pow(3, 4), pow(-2, 3), pow(7, 0))
    for n in (0, 1, -1, 255, -256, 2**62, -(2**63 - 1) - 1, 2**63 - 1):
        print(n.bit_length(), n.bit_count(), end=" ")
    print(u8(255).bit_length(), i8(-128).bit_length(), u64(2**64 - 1).bit_count(),
          [(s - 1).bit_length() for s in (1, 3, 4, 100, 4096)])
    text = hex(48879) + "/" + bin(5)
    print(text, len(text), text.upper())


if __name__ == "__main__":
    main()

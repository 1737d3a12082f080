# error: 11:22: argument 'n' has type u8, but the range() loop variable 'i' is a plain int under CPython; write u8(i)
from pythos.lang import u8


def square(n: u8) -> u8:
    return n * n


def main() -> None:
    for i in range(u8(14), u8(18)):
        print(square(i))


if __name__ == "__main__":
    main()

# error: 7:18: under CPython 'x or 5' can be a plain int (from 5), and then '-(x or 5)' would not wrap
from pythos.lang import u8


def main() -> None:
    x = u8(0)
    print(-(x or 5))


if __name__ == "__main__":
    main()

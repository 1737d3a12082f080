# error: 8:12: under CPython '-128 if c else y' can be a plain int (from -128)
from pythos.lang import i8


def main() -> None:
    c = True
    y = i8(-3)
    print((-128 if c else y) // -1)


if __name__ == "__main__":
    main()

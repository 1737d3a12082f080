# error: 8:21: 'v' has type u8, but under CPython 'x if c else 200' can be '200'
from pythos.lang import u8


def main() -> None:
    c = False
    x = u8(3)
    v = x if c else 200
    print(v + 100)


if __name__ == "__main__":
    main()

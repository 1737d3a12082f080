# error: 8:13: 'v' has type u8, but under CPython '200 if c else x' can be '200', a bare literal, which is a plain int there and would not wrap; write u8(200)
from pythos.lang import u8


def main() -> None:
    c = True
    x = u8(3)
    v: u8 = 200 if c else x
    print(v + 100)


if __name__ == "__main__":
    main()

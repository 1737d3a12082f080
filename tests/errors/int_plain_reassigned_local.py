# error: 7:9: 'x' has type u8, but a bare literal is a plain int under CPython; write u8(250)
from pythos.lang import u8


def main() -> None:
    x = u8(1)
    x = 250
    print(x + 10)


if __name__ == "__main__":
    main()

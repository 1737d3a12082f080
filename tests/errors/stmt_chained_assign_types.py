# error: 7:9: 'b' has type u16, but the value assigned to all the targets has type u8
from pythos.lang import u8, u16


def main() -> None:
    b = u16(1)
    a = b = u8(200)
    print(a, b)


if __name__ == "__main__":
    main()

# error: 7:13: 'v' has type u8, but an element of bytes is a plain int under CPython; write u8(data[0])
from pythos.lang import u8


def main() -> None:
    data = b"\xff"
    v: u8 = data[0]
    print(v + 1)


if __name__ == "__main__":
    main()

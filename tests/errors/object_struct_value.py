# error: 17:10: a Pair cannot be an object
from pythos.lang import struct, u32


@struct
class Pair:
    a: u32
    b: u32


def show(x: object) -> None:
    print(x)


def main() -> None:
    p = Pair()
    show(p)


if __name__ == "__main__":
    main()

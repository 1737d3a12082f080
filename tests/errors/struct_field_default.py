# error: 7:14: struct fields cannot have defaults
from pythos.lang import struct, u32


@struct
class Point:
    x: u32 = u32(1)
    y: u32


def main() -> None:
    p = Point()
    print(p.x)


if __name__ == "__main__":
    main()

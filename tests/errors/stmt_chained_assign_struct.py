# error: 12:9: a struct or array cannot be assigned to several targets at once
from pythos.lang import struct, u32


@struct
class Point:
    x: u32


def main() -> None:
    a = Point()
    b = c = Point(u32(1))
    b.x = u32(2)
    print(a.x, b.x, c.x)


if __name__ == "__main__":
    main()

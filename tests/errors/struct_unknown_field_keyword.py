# error: 11:25: struct Point has no field 'z'
from pythos.lang import struct, u32


@struct
class Point:
    x: u32
    y: u32

def main() -> None:
    p = Point(x=u32(1), z=u32(2))
    print(p.x)


if __name__ == "__main__":
    main()

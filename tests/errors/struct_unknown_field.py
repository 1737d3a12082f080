# error: 12:11: struct Point has no field 'z'
from pythos.lang import struct, u32


@struct
class Point:
    x: u32
    y: u32

def main() -> None:
    p = Point(u32(1), u32(2))
    print(p.z)


if __name__ == "__main__":
    main()

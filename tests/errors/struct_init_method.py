# error: 10:5: struct Point cannot define __init__
from pythos.lang import struct, u32


@struct
class Point:
    x: u32
    y: u32

    def __init__(self) -> None:
        self.x = u32(1)


def main() -> None:
    p = Point()
    print(p.x)

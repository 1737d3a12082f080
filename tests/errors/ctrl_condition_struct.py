# error: 11:8: Point cannot be used as a condition
from pythos.lang import struct, u8


@struct
class Point:
    x: u8

def main() -> None:
    p = Point()
    if p:
        print("yes")


if __name__ == "__main__":
    main()

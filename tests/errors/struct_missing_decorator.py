# error: 5:1: classes must be decorated with @struct
from pythos.lang import u32


class Point:
    x: u32
    y: u32


def main() -> None:
    p = Point()
    print(p.x)


if __name__ == "__main__":
    main()

# error: 13:11: expected i32, got i64
from pythos.lang import i32, struct


@struct
class Point:
    x: i32
    y: i32


def main() -> None:
    p = Point()
    p.x = int(5)
    print(p.x)


if __name__ == "__main__":
    main()

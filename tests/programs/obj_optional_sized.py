"""Sized integers and bools that may be None: a u8 | None boxed with its
own box type, narrowed, widened and compared."""

from pythos.lang import u8


def main() -> None:
    flag = 3 > 2
    x: bool | None = flag
    y: u8 | None = u8(7)
    z: int | None = None
    if y is not None:
        z = int(y) + 300
    print(x, y, z, x == True, y == 7)  # noqa: E712


if __name__ == "__main__":
    main()

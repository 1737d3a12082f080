# error: 11:15: struct classes cannot inherit
from pythos.lang import struct, u32


@struct
class Base:
    x: u32


@struct
class Derived(Base):
    y: u32


def main() -> None:
    d = Derived()
    print(d.y)


if __name__ == "__main__":
    main()

# error: 11:18: sizeof() measures a struct, an array or a scalar type; AP is a class, whose instances are objects on the heap
from pythos.lang import sizeof, u8, u32


class AP:
    a: u8
    b: u32


def main() -> None:
    print(sizeof(AP))


if __name__ == "__main__":
    main()

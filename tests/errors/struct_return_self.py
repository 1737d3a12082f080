# error: 11:16: returning 'self' would copy a struct that the caller can also reach (it is the struct the method was called on)
from pythos.lang import struct, u32


@struct
class Builder:
    size: u32

    def grow(self, n: u32) -> "Builder":
        self.size += n
        return self


def main() -> None:
    b = Builder()
    c = b.grow(u32(2))
    c.size = u32(7)
    print(b.size)


if __name__ == "__main__":
    main()

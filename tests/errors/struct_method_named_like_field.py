# error: 9:5: method 'size' has the name of a field of struct Block
from pythos.lang import struct, u32


@struct
class Block:
    base: u32

    def size(self) -> u32:
        return self.base

    size: u32


def main() -> None:
    b = Block()
    print(b.base)

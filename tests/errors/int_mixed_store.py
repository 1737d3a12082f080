# error: 8:16: expected u32, got u8
from pythos.lang import Array, u8, u32


def main() -> None:
    table = Array[u32, 4]()
    b = u8(7)
    table[1] = b
    print(table[1])


if __name__ == "__main__":
    main()

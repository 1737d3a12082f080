# error: 8:15: len() here is 300, which is out of range for u8
from pythos.lang import Array, u8


def main() -> None:
    table = Array[u8, 300]()
    x = u8(200)
    print(x < len(table))


if __name__ == "__main__":
    main()

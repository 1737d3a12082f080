# error: 6:5: classes are defined at module level
from pythos.lang import struct, u8

def main() -> None:
    @struct
    class Inner:
        x: u8
    print(1)


if __name__ == "__main__":
    main()

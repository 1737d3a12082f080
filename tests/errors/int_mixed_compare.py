# error: 7:8: mixed integer types u16 and i16
from pythos.lang import i16, u16

def main() -> None:
    a = u16(1)
    b = i16(2)
    if a < b:
        print("less")


if __name__ == "__main__":
    main()

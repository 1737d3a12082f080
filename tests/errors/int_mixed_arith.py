# error: 7:9: mixed integer types u8 and u32
from pythos.lang import u8, u32

def main() -> None:
    a = u8(1)
    b = u32(2)
    c = a + b
    print(c)


if __name__ == "__main__":
    main()

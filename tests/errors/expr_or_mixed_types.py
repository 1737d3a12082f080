# error: 7:14: both sides of 'or' must have the same type, because the result is one of them; got u8 and u16
from pythos.lang import u8, u16

def main() -> None:
    a = u8(0)
    b = u16(5)
    c = a or b
    print(c)


if __name__ == "__main__":
    main()

# error: 7:13: 'total' has type u32, cannot assign u8
from pythos.lang import u8, u32

def main() -> None:
    total = u32(0)
    step = u8(3)
    total = step
    print(total)


if __name__ == "__main__":
    main()

# error: 7:9: integer 300 is out of range for u8
from pythos.lang import u8


def main() -> None:
    x = u8(1)
    x = 300
    print(x)


if __name__ == "__main__":
    main()

# error: 7:13: integer -1 is out of range for u8
from pythos.lang import u8


def main() -> None:
    x = u8(255)
    if x == -1:
        print("minus one")


if __name__ == "__main__":
    main()

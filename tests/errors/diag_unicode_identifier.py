# error: 7:21: integer 300 is out of range for u8
from pythos.lang import u8


def main() -> None:
    größe = u8(1)
    größe = größe + 300
    print(größe)


if __name__ == "__main__":
    main()

# error: 7:17: a u8 cannot be an object
from pythos.lang import u8


def main() -> None:
    n = u8(200)
    o: object = n
    print(o)


if __name__ == "__main__":
    main()

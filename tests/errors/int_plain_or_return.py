# error: 6:17: the return value has type u8, but under CPython 'x or 200' can be '200'
from pythos.lang import u8


def pick(x: u8) -> u8:
    return x or 200


def main() -> None:
    print(pick(u8(0)) + 100)


if __name__ == "__main__":
    main()

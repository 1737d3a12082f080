# error: 6:13: 'a' has type u8, but a bare literal is a plain int under CPython
from pythos.lang import u8


def main() -> None:
    a: u8 = 5
    print(a)


if __name__ == "__main__":
    main()

# error: 6:13: 'n' has type u8, but the result of len() is a plain int under CPython; write u8(len(b"abc"))
from pythos.lang import u8


def main() -> None:
    n: u8 = len(b"abc")
    print(n * 100)


if __name__ == "__main__":
    main()

# error: 8:13: under CPython '(200 if c else x) & 0xFF' can be a plain int (from 200)
from pythos.lang import u8


def main() -> None:
    c = True
    x = u8(7)
    print(((200 if c else x) & 0xFF) + 100)


if __name__ == "__main__":
    main()

# error: 8:12: under CPython '200 if c else x' can be a plain int (from 200), and then '(200 if c else x) + 100' would not wrap at u8 as it does here; write u8(200)
from pythos.lang import u8


def main() -> None:
    c = True
    x = u8(3)
    print((200 if c else x) + 100)


if __name__ == "__main__":
    main()

# error: 9:13: the global 'count' has type u16, but a bare literal is a plain int under CPython; write u16(65535)
from pythos.lang import u16

count = u16(0)


def reset() -> None:
    global count
    count = 65535


def main() -> None:
    reset()
    print(count + 1)


if __name__ == "__main__":
    main()

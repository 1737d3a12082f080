# error: 6:14: inb() is only available in the freestanding (kernel) target
from pythos.lang import inb, u16


def main() -> None:
    status = inb(u16(0x64))
    print(status)


if __name__ == "__main__":
    main()

# error: 10:15: argument 'mask' has type u16, but a bare literal is a plain int under CPython; write u16(0x0ff0)
from pythos.lang import u16


def show(mask: u16) -> None:
    print(mask)


def main() -> None:
    show(mask=0x0ff0)


if __name__ == "__main__":
    main()

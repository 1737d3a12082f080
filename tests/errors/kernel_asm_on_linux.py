# error: 6:5: asm() is only available in the freestanding (kernel) target
from pythos.lang import asm


def main() -> None:
    asm("nop", "")
    print("done")


if __name__ == "__main__":
    main()

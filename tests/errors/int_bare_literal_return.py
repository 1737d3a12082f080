# error: 6:12: the return value has type u32, but a bare literal
from pythos.lang import u32


def answer() -> u32:
    return 42


def main() -> None:
    print(answer())


if __name__ == "__main__":
    main()

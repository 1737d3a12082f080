# error: 10:20: argument 'a' has type u8, but under CPython 'x and 250' can be '250'
from pythos.lang import u8


def f(a: u8) -> u8:
    return a + 100


def g(x: u8) -> u8:
    return f(x and 250)


def main() -> None:
    print(g(u8(3)))


if __name__ == "__main__":
    main()

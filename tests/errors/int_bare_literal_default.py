# error: 5:26: a default value has type i8, but a bare literal
from pythos.lang import i8


def step(x: i8, by: i8 = -1) -> i8:
    return x + by


def main() -> None:
    print(step(i8(3)))


if __name__ == "__main__":
    main()

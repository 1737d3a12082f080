# error: 6:25: a list element has type u8, but a bare literal is a plain int
from pythos.lang import u8


def main() -> None:
    values: list[u8] = [1, 2, 3]
    print(values[0])


if __name__ == "__main__":
    main()

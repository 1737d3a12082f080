# error: 11:18: sizeof() measures a struct, an array, an integer or a pointer; a Plain value is a reference
from pythos.lang import sizeof


class Plain:
    def __init__(self) -> None:
        self.x = 1


def main() -> None:
    print(sizeof(Plain))


if __name__ == "__main__":
    main()

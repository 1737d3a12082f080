# error: 2:25: pythos.lang has no name 'nothere'
from pythos.lang import nothere, u8


def main() -> None:
    print(u8(1))


if __name__ == "__main__":
    main()

# error: 7:11: 'total' may be read before it is assigned
from pythos.lang import u64


def main() -> None:
    total: u64
    print(total)


if __name__ == "__main__":
    main()

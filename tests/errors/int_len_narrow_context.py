# error: 6:21: len() can be larger than u8 holds
from pythos.lang import u8


def count_below(x: u8, data: bytes) -> bool:
    return x // 2 < len(data)


def main() -> None:
    print(count_below(u8(200), b"abc"))


if __name__ == "__main__":
    main()

# error: 6:21: range() as an iterator counts in int (its values are plain ints under CPython); got u8, write int(...)
from pythos.lang import u8


def main() -> None:
    it = iter(range(u8(3)))
    print(next(it))


if __name__ == "__main__":
    main()

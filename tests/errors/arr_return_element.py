# error: 8:12: returning 'rows[i]' would copy an array that the caller can also reach (it is an element of 'rows')
from pythos.lang import Array, u8

rows = Array[Array[u8, 4], 2]()


def row(i: int) -> Array[u8, 4]:
    return rows[i]


def main() -> None:
    r = row(1)
    rows[1][0] = u8(3)
    print(r[0])


if __name__ == "__main__":
    main()

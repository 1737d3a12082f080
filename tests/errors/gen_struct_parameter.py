# error: 7:14: a generator's frame cannot hold the struct or array parameter 'data' (it is the caller's s
from collections.abc import Iterator

from pythos.lang import Array, u8


def bytes_of(data: Array[u8, 4]) -> Iterator[int]:
    for b in data:
        yield int(b)


def main() -> None:
    print(list(bytes_of(Array[u8, 4]())))


if __name__ == "__main__":
    main()

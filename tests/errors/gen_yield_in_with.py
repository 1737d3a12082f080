# error: 24:9: 'yield' inside 'with' is not compiled yet (issue 12)
from collections.abc import Iterator

from pythos.lang import struct, u32


@struct
class Lock:
    held: u32

    def __enter__(self) -> u32:
        self.held = u32(1)
        return self.held

    def __exit__(self, *exc: object) -> None:
        self.held = u32(0)


LOCK = Lock()


def numbers() -> Iterator[int]:
    with LOCK:
        yield 1


def main() -> None:
    print(list(numbers()))


if __name__ == "__main__":
    main()

# error: 14:12: returning 'counters' would copy a struct that the caller can also reach (it is a global)
from pythos.lang import struct, u32


@struct
class Counters:
    hits: u32


counters = Counters()


def current() -> Counters:
    return counters


def main() -> None:
    c = current()
    counters.hits = u32(5)
    print(c.hits)  # CPython prints 5: c is the global itself


if __name__ == "__main__":
    main()

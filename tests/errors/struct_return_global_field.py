# error: 19:12: returning 'h.stats' would copy a struct that the caller can also reach (it is a field of 'h')
from pythos.lang import struct, u32


@struct
class Stats:
    used: u32


@struct
class Heap:
    stats: Stats


h = Heap()


def get() -> Stats:
    return h.stats


def main() -> None:
    s = get()
    h.stats.used = u32(5)
    print(s.used)


if __name__ == "__main__":
    main()

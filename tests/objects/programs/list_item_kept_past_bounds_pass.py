"""An item read inline from a list whose last use the read is, in a
function where the bounds pass removed a check (`table[i]` below).  That
pass also drops the pure ops nothing uses, and the use that kept the list
alive until its item was read was one (a dead `Cast`): the list was
released first and its freed buffer read, a fault or a stale value.  The
use is now a `KeepAlive` op, which no pass removes."""

from pythos.lang import Array, i64


class Region:
    def __init__(self, base: int) -> None:
        self.base = base

    def line(self) -> str:
        return f"region at {self.base}"


def make(n: int) -> list[int]:
    return [n, n + 1, n + 2]


def regions(n: int) -> list[Region]:
    return [Region(k * 16) for k in range(n)]


def checked_table() -> Array[i64, 8]:
    table = Array[i64, 8]()
    for i in range(4):
        table[i] = i64(i)  # in range(4) of 8: the bounds pass removes the check
    return table


def first_of_variable(n: int) -> int:
    table = checked_table()
    for i in range(4):
        table[i] += i64(1)
    xs = make(n + int(table[3]))
    return xs[0]  # the list's last use


def last_of_temporary(n: int) -> int:
    table = checked_table()
    for i in range(4):
        table[i] += i64(2)
    return make(n + int(table[0]))[-1]  # a temporary, released after the read


def region_line(n: int) -> str:
    table = checked_table()
    for i in range(4):
        table[i] += i64(3)
    rs = regions(n + int(table[1]))
    return rs[3].line()  # the item is an object, the list's last use


def main() -> None:
    for n in range(3):
        print(first_of_variable(n), last_of_temporary(n), region_line(n))


if __name__ == "__main__":
    main()

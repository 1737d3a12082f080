from pythos.lang import struct, u32, i32, Array


@struct
class Cell:
    hits: u32
    last: i32


@struct
class Board:
    cells: Array[Cell, 4]
    moves: u32


def bump(c: Cell, v: i32) -> None:
    c.hits += 1
    c.last = v


def main() -> None:
    arr = Array[Cell, 4]()
    # a name bound to an element refers to that element (q = p aliases)
    e = arr[2]
    e.hits = 5
    e.last = -1
    print("arr[2]", arr[2].hits, arr[2].last)
    bump(arr[2], i32(9))
    print("e after bump", e.hits, e.last)
    # a name bound to a nested struct field also aliases it
    b = Board()
    c = b.cells[1]
    c.hits = 42
    bump(b.cells[1], i32(-7))
    print("board cell", b.cells[1].hits, b.cells[1].last, "alias", c.hits)
    # storing into an element copies; the alias follows the element, not the source
    src = Cell(100, 100)
    arr[2] = src
    src.hits = 0
    print("after store", e.hits, e.last, "src", src.hits)
    # iterate and mutate through method calls on elements
    for i in range(4):
        for k in range(i + 1):
            bump(arr[i], i32(i * 10 + k))
    for cell in arr:
        print("cell", cell.hits, cell.last)


if __name__ == "__main__":
    main()

"""Slice assignment to a bytearray: bytes, another bytearray, itself, a
list or tuple of integers; growing, shrinking, inserting with an empty
slice, negative and out-of-range bounds, extended slices (and their size
error), and a value that is not a byte (nothing is changed).  An extended
slice given nothing is deleted, as CPython's bytearray does (a list
raises ValueError)."""


def show(label: str, ba: bytearray) -> None:
    print(label, ba, len(ba))


def main() -> None:
    ba = bytearray(b"abcdef")
    ba[0:2] = b"XY"
    show("same size", ba)
    ba[1:3] = b"12345"
    show("grow", ba)
    ba[2:7] = b""
    show("shrink", ba)
    ba[1:1] = bytearray(b"--")
    show("insert", ba)
    ba[-2:] = [65, 66, 67]
    show("negative", ba)
    ba[100:200] = (48, 49)
    show("past the end", ba)
    ba[::2] = b"." * len(ba[::2])
    show("step 2", ba)
    ba[::-1] = ba
    show("itself reversed", ba)
    ba[:] = ba[2:5]
    show("whole", ba)
    ba[5:1:-1] = b""
    show("empty extended", ba)
    nums = bytearray(b"0123456789")
    nums[::3] = bytearray()
    show("extended, given nothing", nums)
    try:
        ba[::2] = b"xyz"
    except ValueError as e:
        print("ValueError:", e)
    try:
        ba[0:1] = [1, 256]
    except ValueError as e:
        print("ValueError:", e)
    show("unchanged", ba)
    xs: list[int] = [104, 105]
    ba[len(ba):] = xs
    show("appended", ba)
    other = bytearray(b"0123456789")
    other[1:9:3] = other[0:3]
    show("from its own slice", other)
    del other[::3]
    show("del step", other)
    ba += b"!"
    show("augmented", ba)


if __name__ == "__main__":
    main()

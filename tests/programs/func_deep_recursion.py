"""Recursion deeper than CPython allows: CPython raises RecursionError
(near 1,000 frames), compiled code runs until its stack overflows and then
panics.  Both fail, and what was printed before the failure comes out in
both, although compiled output is buffered until exit or panic."""

from pythos.lang import Array, u8


def dive(n: int, parent: Array[u8, 4]) -> int:
    if n == 0:
        return 0
    # Each level's array is handed to the next one, so every frame has to
    # exist at once: no -O level can turn the recursion into a loop.
    here = Array[u8, 4]()
    here[0] = u8(n) ^ parent[0]
    below = dive(n - 1, here)
    return below + int(here[0] & 1)


def main() -> None:
    print("shallow", dive(500, Array[u8, 4]()))
    print("deep", dive(100_000_000, Array[u8, 4]()))
    print("not reached")


if __name__ == "__main__":
    main()

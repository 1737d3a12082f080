"""Tuples whose items are all integers, which the compiler builds, reads,
compares and frees inline and the runtime hashes on a short path: every
comparison operator, slots of several widths and signs, values at and
beyond the hash modulus (their hash must stay CPython's, which the order
of a printed set shows), None in place of such a tuple, variable-length
tuples, and tuples made and dropped in a loop (the leak check)."""

from pythos.lang import i8, u8, u64


class Holder:
    def __init__(self, pair: tuple[int, int] | None) -> None:
        self.pair = pair


def compare_all(a: tuple[int, int], b: tuple[int, int]) -> list[bool]:
    return [a < b, a <= b, a > b, a >= b, a == b, a != b]


def main() -> None:
    pairs = [(1, 2), (1, -2), (-1, 2), (1, 2), (0, 0), (2**62, -(2**63))]
    for a in pairs:
        print(a, [compare_all(a, b) for b in pairs[:3]])
    small = (u8(200), i8(-3))
    other = (u8(7), i8(5))
    print(small < other, small > other, small == (u8(200), i8(-3)), small[0], small[-1])
    flags = (True, False)
    print(flags < (True, True), flags == (True, False), flags[0])
    big = (u64(2**64 - 1), u64(1))
    print(big > (u64(0), u64(2)), big[0])
    x, y = pairs[5]
    print(x, y)
    modulus = 2**61 - 1
    keys = {(modulus, 1), (modulus - 1, 2), (modulus + 1, 3), (-modulus, 4), (-1, -1),
            (-2, -2), (2**63 - 1, 5), (-(2**63), 6), (0, 7), (1, 0)}
    print(keys)
    print(hash((modulus, 1)) == hash((0, 1)), hash((-1, 5)) == hash((-2, 5)))
    cells = {(u8(1), i8(-1)), (u8(255), i8(127)), (u8(0), i8(-128))}
    print(cells, (u8(255), i8(127)) in cells)
    dist: dict[tuple[int, int], int] = {}
    for i in range(50):
        dist[(i % 7, -(i % 5))] = i
    print(len(dist), dist[(3, -2)], (6, -4) in dist, (7, 0) in dist)
    held = Holder((4, 5))
    print(held.pair)
    held.pair = None
    print(held.pair)
    held.pair = (6, 7)
    if held.pair is not None:
        print(held.pair[1])
    var: tuple[int, ...] = tuple([3, 1, 2])
    print(var, var < (3, 1, 3), len(var))
    total = 0
    for n in range(1000):
        t = (n, n * 2)
        u = (n + 1, t[1])
        if t < u:
            total += u[0] - t[0]
    print(total)
    ordered = sorted([(3, -1), (1, 5), (3, -2), (1, -5)])
    print(ordered, min(ordered), max(ordered))


if __name__ == "__main__":
    main()

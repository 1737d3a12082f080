"""Tuple comparisons decided slot by slot without a call: integers of one
kind, str by their bytes (non-ASCII text too), the same object; and the
general path where a slot holds an object with its own __eq__ and
__lt__, or None."""
from pythos.lang import i8, u8, u64


class Version:
    def __init__(self, n: int) -> None:
        self.n = n

    def __eq__(self, other: object) -> bool:
        print("eq", self.n)
        return isinstance(other, Version) and self.n // 10 == other.n // 10

    def __lt__(self, other: "Version") -> bool:
        print("lt", self.n)
        return self.n // 10 < other.n // 10


def main() -> None:
    lo = -(2 ** 63)
    hi = 2 ** 63 - 1
    pairs: list[tuple[int, str]] = [(hi, "a"), (lo, "a"), (0, "é"), (0, "e"), (0, "ez"),
                                    (0, ""), (-1, "zz"), (0, "e"), (lo, "")]
    for a in pairs[:5]:
        print([(a < b, a <= b, a > b, a >= b, a == b, a != b) for b in pairs])
    print(sorted(pairs), sorted(pairs, reverse=True))
    words = ["pe", "Ka", "ka", "kä", "k", "", "zu", "ka"]
    print(sorted(words, key=lambda w: (-len(w), w)))
    print(sorted(words, key=lambda w: (w[:1], len(w) > 1, w)))
    s = "same"
    print((s, 1) < (s, 2), (s, s) == (s, s), (s, 2) <= (s, 2), ("x", s) > ("x", s))
    # Sized integers: unsigned slots compare unsigned.
    small: tuple[u8, str] = (u8(200), "a")
    tiny: tuple[i8, str] = (i8(-56), "a")
    big: tuple[u64, str] = (u64(2 ** 64 - 1), "b")
    print(small == (u8(200), "a"), tiny < (i8(0), "a"), small > (u8(3), "b"),
          big > (u64(0), "z"), big == big, sorted([big, (u64(2 ** 63), "c"), (u64(1), "d")]))
    # Objects with their own comparisons: called as CPython calls them.
    v1, v2 = Version(11), Version(12)
    print((1, v1) == (1, v2), (1, v1) < (1, Version(25)), ("k", v1, 3) < ("k", v2, 4))
    maybe: list[tuple[str, str | None]] = [("b", None), ("a", "x"), ("b", "y"), ("a", None)]
    print(sorted(maybe, key=lambda t: (t[0], t[1] or "")), ("b", None) == ("b", None))
    longer: list[tuple[str, ...]] = [("a", "b", "c"), ("a", "b"), ("a",), (), ("a", "c")]
    print(sorted(longer), [t < ("a", "b") for t in longer], [t >= ("a",) for t in longer])


if __name__ == "__main__":
    main()

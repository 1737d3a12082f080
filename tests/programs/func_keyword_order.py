"""Keyword arguments are evaluated in the order they are written, not in
the order of the parameters they bind to (functions, methods and
constructors alike); each value still reaches its own parameter."""

from pythos.lang import struct, u32


def tag(n: int) -> int:
    print("tag", n)
    return n


def tag32(n: int) -> u32:
    print("tag32", n)
    return u32(n)


def f(a: int, b: int) -> int:
    return a * 10 + b


def g(a: int, b: int, c: int = 7, d: int = 9) -> int:
    return a * 1000 + b * 100 + c * 10 + d


@struct
class Pair:
    x: u32
    y: u32

    def mix(self, p: int, q: int, r: int = 5) -> int:
        return int(self.x) * 1000 + p * 100 + q * 10 + r


def main() -> None:
    print(f(b=tag(1), a=tag(2)))
    print(f(tag(3), b=tag(4)))
    print(g(tag(1), d=tag(4), b=tag(2)))
    print(g(c=tag(3), b=tag(2), a=tag(1)))
    pair = Pair(y=tag32(8), x=tag32(6))
    print(pair.x, pair.y)
    print(pair.mix(q=tag(2), p=tag(1)))
    print(pair.mix(r=tag(3), q=tag(2), p=tag(1)))


if __name__ == "__main__":
    main()

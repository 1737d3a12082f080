# error: 21:1: 'p' is given a new value while another name may still refer to it
from pythos.lang import struct, u32


@struct
class Inner:
    v: u32


@struct
class Outer:
    inner: Inner


def make(n: u32) -> Outer:
    o = Outer()
    o.inner.v = n
    return o


def main() -> None:
    p = make(u32(1))
    r = p.inner
    p = make(u32(2))
    print(r.v)  # CPython prints 1: r is still the first Outer's field


if __name__ == "__main__":
    main()

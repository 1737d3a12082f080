"""Functions of another module as values: `module.function` stored in a
dict, an Optional and a parameter (once an internal compiler error: the
builder took `lib_mathx.gcd` for a pointer's `.addr`)."""

from collections.abc import Callable

import lib_mathx

from pythos.lang import u64


def apply(f: Callable[[u64, u64], u64], a: u64, b: u64) -> u64:
    return f(a, b)


def main() -> None:
    ops: dict[str, Callable[[u64, u64], u64]] = {"gcd": lib_mathx.gcd, "lcm": lib_mathx.lcm}
    for name, f in ops.items():
        print(name, apply(f, u64(12), u64(18)))
    maybe: Callable[[u64, u64], u64] | None = lib_mathx.gcd
    if maybe is not None:
        print("optional", maybe(u64(35), u64(21)))
    print("direct", apply(lib_mathx.lcm, u64(4), u64(6)))


if __name__ == "__main__":
    main()

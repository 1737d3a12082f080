"""Containers of sized integers keep their widths: dict values, set
elements and tuple items wrap as the sized type does."""
from pythos.lang import i8, u8, u16, u32


def main() -> None:
    hits: dict[str, u16] = {"a": u16(65534)}
    hits["a"] += u16(3)
    print(hits, int(hits["a"]) + 1)
    marks: set[u8] = {u8(255) + u8(2), u8(1)}
    print(sorted(marks), len(marks))
    pair: tuple[u8, u32] = (u8(200), u32(4000000000))
    a, b = pair
    print(a + u8(100), b + u32(300000000), pair)
    signed: list[i8] = [i8(127), i8(-128)]
    signed[0] += i8(1)
    signed[1] -= i8(1)
    print(signed)


if __name__ == "__main__":
    main()

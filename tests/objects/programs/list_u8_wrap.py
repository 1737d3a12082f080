"""A list[u8] stores bytes unboxed and wraps as u8 does."""
from pythos.lang import u8, u16


def main() -> None:
    data: list[u8] = [u8(250), u8(3), u8(128)]
    data[0] += u8(10)
    data.append(u8(255) + u8(1))
    print(data, sum(int(b) for b in data))
    wide: list[u16] = [u16(65535), u16(1)]
    wide[1] = wide[0] + wide[1]
    print(wide, [int(w) * 2 for w in wide])
    data.sort()
    print(data, max(data), data.index(u8(3)))


if __name__ == "__main__":
    main()

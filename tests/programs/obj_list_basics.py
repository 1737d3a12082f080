from pythos.lang import u8


def total(xs: list[int]) -> int:
    s = 0
    for x in xs:
        s += x
    return s


def main() -> None:
    xs = [3, 1, 4]
    xs.append(1)
    xs.append(5)
    print(len(xs), xs[0], xs[-1], total(xs))
    xs[1] = 10
    print(xs)
    names = ["a", "bc"]
    names.append("d")
    for n in names:
        print(n)
    print(names)
    grid = [[1, 2], [3]]
    grid[1].append(4)
    print(grid, len(grid[1]))
    bs: list[u8] = [u8(250), u8(3)]
    bs.append(u8(255) + u8(2))
    print(bs, bs[2])
    empty: list[int] = []
    print(empty, len(empty))


if __name__ == "__main__":
    main()

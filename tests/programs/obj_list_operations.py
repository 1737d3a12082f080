def show(label: str, xs: list[int]) -> None:
    print(label, xs, len(xs))


def main() -> None:
    xs = [5, 3, 8]
    xs.insert(0, 1)
    xs.insert(-1, 7)
    xs.insert(100, 9)
    show("insert", xs)
    xs.extend([2, 2])
    xs.extend(xs)
    show("extend", xs)
    print(xs.pop(), xs.pop(0), xs.pop(-2))
    xs.remove(2)
    print(xs.index(8), xs.count(2), 8 in xs, 4 in xs, 4 not in xs)
    xs.reverse()
    show("reverse", xs)
    ys = xs.copy()
    ys.sort()
    show("sorted", ys)
    ys.sort(reverse=True)
    show("desc", ys)
    xs.clear()
    show("clear", xs)
    a = [1, 2] + [3]
    b = a * 2
    c = 2 * [0]
    show("concat", a)
    show("repeat", b)
    show("repeat", c)
    a += [4, 5]
    a *= 2
    show("iadd", a)
    grid = [[0] * 3] * 3
    grid[0][1] = 5
    print(grid)
    print([1, 2] == [1, 2], [1, 2] != [1, 3], [1, 2] < [1, 3], [2] <= [1, 9], [1] > [], [3] >= [3])
    s = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    print(s[2:5], s[-3:], s[:100], s[::2], s[::-1], s[8:2:-2], s[-100:2], s[5:2])
    s[1:3] = [10, 11, 12]
    show("slice=", s)
    s[::3] = [0, 0, 0, 0]
    show("ext=", s)
    del s[0]
    del s[-1]
    del s[1:3]
    del s[::2]
    show("del", s)
    if s:
        print("nonempty")
    empty: list[int] = []
    if not empty:
        print("empty")
    words = ["pear", "apple", "fig"]
    words.sort()
    print(words, "fig" in words, words.index("pear"))


if __name__ == "__main__":
    main()

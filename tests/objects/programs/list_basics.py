"""append, extend, insert, pop, remove, index, count, reverse, clear, copy."""


def main() -> None:
    xs = [5, 3, 8]
    xs.append(1)
    xs.extend([9, 3])
    xs.insert(0, 7)
    xs.insert(100, 2)
    xs.insert(-1, 6)
    print(xs, len(xs))
    print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
    xs.remove(3)
    print(xs, xs.index(8), xs.count(3), xs.count(42))
    ys = xs.copy()
    xs.reverse()
    print(xs, ys)
    xs.clear()
    print(xs, ys, len(xs))


if __name__ == "__main__":
    main()

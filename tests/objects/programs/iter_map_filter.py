def double(x: int) -> int:
    return x * 2


class Point:
    def __init__(self, x: int) -> None:
        self.x = x

    def __repr__(self) -> str:
        return f"Point({self.x})"


def is_even(n: int) -> bool:
    return n % 2 == 0


def main() -> None:
    xs = [3, 1, 2, 8]
    print(list(map(double, xs)))
    print(list(map(str, xs)))
    print(", ".join(map(str, xs)))
    print(list(map(int, "10 20 -3".split())))
    print(sum(map(len, ["ab", "cde", ""])))
    print(list(map(lambda a: a + 100, xs)))
    print(list(map(lambda a, b: a * b, xs, [10, 20, 30])))
    print(list(map(str.upper, ["ab", "cD"])))
    print(list(map(str.strip, [" a ", "b  "])))
    print(list(map(Point, [1, 2])))
    print(list(filter(is_even, xs)))
    print(list(filter(None, [0, 1, 0, 5])))
    print(list(filter(lambda s: s.startswith("a"), ["ab", "ba", "ac"])))
    print(sorted(map(abs, [-3, 2, -1])))
    m = map(double, xs)
    print(next(m), next(m))
    for v in m:
        print("rest", v)
    total = 0
    for w in filter(None, ["", "x", "yy"]):
        total += len(w)
    print(total)
    print(max(map(len, ["a", "abc", "ab"])))
    print(dict(zip(xs, map(double, xs))))
    print(set(map(is_even, xs)) == {True, False})
    print(any(map(is_even, [1, 3])), all(map(is_even, [2, 4])))
    print(list(map(max, [1, 5], [4, 2])))


if __name__ == "__main__":
    main()

"""Lexicographic comparison of lists of str and of lists of lists."""


def main() -> None:
    a = ["b", "a"]
    b = ["b"]
    c = ["a", "z", "z"]
    print(a < b, b < a, c < a, sorted([a, b, c]))
    m = [[1, 2], [1], [0, 5], [1, 2, 0]]
    print(sorted(m), max(m), min(m), [1, 2] in m, [2] in m)


if __name__ == "__main__":
    main()

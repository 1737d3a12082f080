"""Repetition of str and list by an int or a bool (a bool is an int to
CPython and to mypy), in both operand orders and in place."""


def main() -> None:
    s = "ab"
    t = s * 3
    u = 2 * s
    s *= 2
    print(t, u, s, "x" * 0, repr("é" * -1), s * True, repr(False * "é"))
    print([1, 2] * True, True * [3], [0] * False, "€" * 4)
    flag = len(s) > 3
    s *= flag
    xs = [7]
    xs *= flag
    print(repr(s), xs, "-" * int(flag))


if __name__ == "__main__":
    main()

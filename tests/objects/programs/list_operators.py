"""+, *, +=, *=, in, ==, < and <= between lists."""


def main() -> None:
    a = [1, 2]
    b = [3]
    c = a + b
    print(c, a * 3, 2 * b, [0] * 0, c * -1)
    a += [9]
    print(a, 9 in a, 4 in a, 4 not in a)
    d = [1, 2]
    d *= 2
    print(d)
    print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 3], [1, 2] < [1, 2, 0])
    print([2] > [1, 9], [1] < [1, 0], [1, 2] <= [1, 2], [3] >= [3, 0])


if __name__ == "__main__":
    main()

"""Unpacking lists: split results, list displays, lists of lists in a for."""


def parts(s: str) -> list[str]:
    return s.split(",")


def main() -> None:
    a, b = parts("x,y")
    print(a, b)
    [c, d, e] = [1, 2, 3]
    print(c + d + e)
    xs = [[1, 2], [3, 4]]
    for p, q in xs:
        print(p * q)
    k, v = "key=value".split("=")
    print(k, v)


if __name__ == "__main__":
    main()

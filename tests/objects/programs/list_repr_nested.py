"""repr of nested lists with strings, None, bools and empty lists."""


def main() -> None:
    a: list[list[str | None]] = [["a", None], [], ["it's"]]
    print(a, str(a) == repr(a), len(str(a)))
    b = [[True, False], [True]]
    c: list[list[list[int]]] = [[[]], [[1], [2, 3]]]
    print(b, c, [["é"]], [[""]])


if __name__ == "__main__":
    main()

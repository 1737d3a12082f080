"""Set comprehensions and set() of generator expressions."""


def main() -> None:
    squares = {x * x % 10 for x in range(20)}
    print(sorted(squares))
    evens = set(x for x in range(10) if x % 2 == 0)
    print(sorted(evens), sorted(squares - evens))
    lens = {len(w) for w in ["a", "bb", "cc", "ddd", ""]}
    print(sorted(lens), 0 in lens)


if __name__ == "__main__":
    main()

"""min() of a generator whose condition keeps nothing: ValueError, after
the loop has run over every item."""


def main() -> None:
    xs = [3, 1, 2]
    print(max(x for x in xs if x > 1), min((x for x in xs if x > 5), default=-1))
    print(min(x for x in xs if x > 5))


if __name__ == "__main__":
    main()

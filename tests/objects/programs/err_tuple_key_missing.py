"""A missing tuple key: KeyError shows the tuple."""


def main() -> None:
    grid = {(0, 0): "#", (1, 0): "."}
    print(grid[(1, 0)])
    print(grid[(0, 1)])


if __name__ == "__main__":
    main()

"""A negative index below -len: IndexError."""


def main() -> None:
    xs = ["a", "b"]
    print(xs[-1], xs[-2])
    print(xs[-3])


if __name__ == "__main__":
    main()

"""Reading past the end of a list: IndexError."""


def main() -> None:
    xs = [10, 20, 30]
    i = 0
    while True:
        print(xs[i])
        i += 1


if __name__ == "__main__":
    main()

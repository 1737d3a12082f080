# error: 4:11: not enough arguments for format string (CPython raises TypeError)
def main() -> None:
    width = 3
    print("%d by %d" % (width,))


if __name__ == "__main__":
    main()

# error: 3:11: nested fields in a format spec are not supported
def main() -> None:
    print("{:{}}".format("a", 3))


if __name__ == "__main__":
    main()

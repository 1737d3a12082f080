# error: 3:11: Single '}' encountered in format string
def main() -> None:
    print("a}".format())


if __name__ == "__main__":
    main()

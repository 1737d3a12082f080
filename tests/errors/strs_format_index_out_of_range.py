# error: 3:11: Replacement index 2 out of range for positional args tuple
def main() -> None:
    print("{2}".format(1, 2))


if __name__ == "__main__":
    main()

# error: 5:11: unsupported operand types for < ("object" and "object")
def main() -> None:
    a: object = 1
    b: object = 2
    print(a < b)


if __name__ == "__main__":
    main()

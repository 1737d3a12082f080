# error: 3:12: unsupported operand types for + ("object" and "i64")
def bump(x: object) -> object:
    return x + 1


def main() -> None:
    print(bump(3))


if __name__ == "__main__":
    main()

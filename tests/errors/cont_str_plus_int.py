# error: 4:11: unsupported operand types for + ("str" and "i64")
def main() -> None:
    name = "n"
    print(name + 1)


if __name__ == "__main__":
    main()

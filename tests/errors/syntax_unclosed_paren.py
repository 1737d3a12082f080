# error: 3:10: invalid syntax
def main() -> None:
    print((1 + 2)


if __name__ == "__main__":
    main()

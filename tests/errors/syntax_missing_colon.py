# error: 3:13: invalid syntax
def main() -> None:
    if 1 < 2
        print("yes")


if __name__ == "__main__":
    main()

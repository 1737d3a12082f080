# error: 3:13: dicts are not supported
def main() -> None:
    table = {1: 2}
    print(table[1])


if __name__ == "__main__":
    main()

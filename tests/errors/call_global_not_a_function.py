# error: 6:11: 'LIMIT' is not a function
LIMIT = 10


def main() -> None:
    print(LIMIT(3))


if __name__ == "__main__":
    main()

# error: 3:1: this statement cannot appear at module level
total = 0
del total


def main() -> None:
    print(1)


if __name__ == "__main__":
    main()

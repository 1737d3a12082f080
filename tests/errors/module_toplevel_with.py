# error: 4:1: this statement cannot appear at module level
total = 0

with open("x") as f:
    total = 1


def main() -> None:
    print(total)


if __name__ == "__main__":
    main()

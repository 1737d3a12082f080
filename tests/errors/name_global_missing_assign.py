# error: 6:15: 'counter' is assigned in this function, so it is a local
counter = 0


def bump() -> None:
    counter = counter + 1


def main() -> None:
    bump()
    print(counter)


if __name__ == "__main__":
    main()

# error: 6:5: declare 'global counter' to assign a module-level variable
counter = 0


def bump() -> None:
    counter += 1


def main() -> None:
    bump()
    print(counter)


if __name__ == "__main__":
    main()

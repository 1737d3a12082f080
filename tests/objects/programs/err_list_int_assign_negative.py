"""An assignment below -len of a list[int]: IndexError (assignment)."""


def main() -> None:
    a = [int(3), int(1), int(2)]
    a[-3] = 9
    print(a)
    a[-4] = 5
    print(a)


if __name__ == "__main__":
    main()

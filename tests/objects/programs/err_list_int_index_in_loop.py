"""An index one past the end in a loop over a list[int]: IndexError."""


def main() -> None:
    a = [int(3), int(1), int(2)]
    s = 0
    for i in range(len(a) + 1):
        print(i)
        s += a[i]
    print(s)


if __name__ == "__main__":
    main()

"""bytearray() of a list with an integer that is no byte: ValueError."""


def main() -> None:
    xs = [0, 255, 1]
    print(bytearray(xs))
    xs.append(-1)
    print(bytearray(xs))


if __name__ == "__main__":
    main()

# error: 3:5: too many values to unpack (2 expected, 3 provided)
def main() -> None:
    a, b = (1, 2, 3)
    print(a, b)


if __name__ == "__main__":
    main()

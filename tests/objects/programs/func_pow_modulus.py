def main() -> None:
    print(pow(3, 200, 1000), pow(2, 10, 1000), pow(0, 0, 1), pow(0, 0, 5))
    print(pow(2, -1, 7), pow(3, -1, -7), pow(-5, 3, 7), pow(-5, 3, -7))
    print(pow(2 ** 62, 3, 2 ** 63 - 1), pow(7, 2 ** 62, 2 ** 61 + 1))
    print(pow(123456789, -3, 2 ** 40 + 7))
    big = -9223372036854775807 - 1
    print(pow(big, 5, big), pow(5, 3, big))
    n = 561
    print([a for a in range(2, 20) if pow(a, n - 1, n) != 1])
    try:
        print(pow(2, 3, 0))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(pow(10, -1, 15))
    except ValueError as e:
        print("ValueError:", e)


if __name__ == "__main__":
    main()

"""int(s), int(s, 16) and str(n) round trips."""


def main() -> None:
    for s in ["0", "42", "-17", "  9 ", "+5", "007", "1_000"]:
        print(repr(s), int(s))
    print(int("ff", 16), int("FF", 16), int("-0x1f", 16), int("777", 8), int("1010", 2), int("z", 36))
    for n in [0, -1, 123456789, 2**62]:
        print(str(n), len(str(n)), int(str(n)) == n)


if __name__ == "__main__":
    main()

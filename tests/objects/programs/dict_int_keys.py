"""Integer keys (negative, large) and dict equality regardless of order."""


def main() -> None:
    d = {-1: "minus", 0: "zero", 10**12: "tera"}
    d[7] = "seven"
    print(d, d[10**12], -1 in d)
    a = {1: 2, 3: 4}
    b = {3: 4, 1: 2}
    print(a == b, a != {1: 2}, list(a) == list(b))


if __name__ == "__main__":
    main()

"""Unpacking a list of the wrong length: ValueError, nothing assigned."""


def main() -> None:
    a, b = "x,y".split(",")
    print(a, b)
    k, v = "a=b=c".split("=")
    print(k, v)


if __name__ == "__main__":
    main()

"""Indexing a str past its end (by code point): IndexError."""


def main() -> None:
    s = "añ"
    print(s[0], s[1], s[-2])
    print(s[2])


if __name__ == "__main__":
    main()

"""ord() and chr() as values: code points of non-ASCII text, a Caesar shift,
and a character outside the Basic Multilingual Plane."""


def main() -> None:
    s = "héllo"
    total = 0
    for c in s:
        total += ord(c)
    print(total, ord("A"), ord(s[1]), chr(233) + chr(65), chr(total % 100 + 40))
    shifted = ""
    for c in "Hello":
        shifted += chr(ord(c) + 1)
    print(shifted, len(chr(0x1F600)))


if __name__ == "__main__":
    main()

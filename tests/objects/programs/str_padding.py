"""ljust, rjust, center and zfill; wider than, equal to and narrower
than the text."""


def main() -> None:
    for w in [0, 3, 6, 9]:
        print("|" + "abc".ljust(w) + "|" + "abc".rjust(w, "*") + "|" + "abc".center(w, ".") + "|")
    print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
    print("ab".center(5, "-"), "ab".center(6, "-"), "a".center(4, "-"))


if __name__ == "__main__":
    main()

"""`in` between strings: substrings, the empty string, non-ASCII."""


def main() -> None:
    s = "the café on the corner"
    for sub in ["café", "cafe", "", "corner", "the c", "é o", "x"]:
        print(repr(sub), sub in s, sub not in s)
    print("a" in "", "" in "")


if __name__ == "__main__":
    main()

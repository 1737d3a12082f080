"""repr of strings picks quotes and escapes control characters."""


def main() -> None:
    for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash",
              "bell\x07", "é ü 😀", "\x7f", ""]:
        print(repr(s))
    print([s for s in ["a'b", "c"]])


if __name__ == "__main__":
    main()

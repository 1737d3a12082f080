"""strip, lstrip and rstrip with and without a set of characters."""


def main() -> None:
    s = "\t  hello world \n"
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
    t = "xxyhixyx"
    print(t.strip("xy"), t.lstrip("x"), t.rstrip("yx"), "".strip(), "   ".strip() == "")
    print("¡¡hola!!".strip("¡!"), "äbä".strip("ä"))


if __name__ == "__main__":
    main()

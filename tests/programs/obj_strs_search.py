"""index and rindex, find/rfind/count/startswith/endswith with start and
end, the case methods title/capitalize/swapcase/casefold, the character
tests and expandtabs, on non-ASCII text; index of a missing substring
stops with CPython's ValueError."""


def main() -> None:
    s = "héllo wörld, héllo"
    print(s.index("l"), s.rindex("l"), s.index("héllo", 1), s.rindex("ö", 0, 9))
    print(s.find("l", 5), s.find("l", -4), s.rfind("l", 0, 4), s.find("o", 100))
    print(s.count("l", 3), s.count("l", 0, -3), s.count("", 2, 5), s.count("é", -100, 100))
    print(s.startswith("llo", 2), s.startswith("h", 1), s.endswith("wö", 0, 8),
          s.endswith("o", -1), s.startswith("", 50), s.endswith("d", 3, 2))
    print("hello wörld ǆemal".title(), "éCOLE du ßoir".capitalize(), "ÀbÇ ß".swapcase())
    print("Straße ΣΑΣ".casefold(), "they're bill's".title(), "".title())
    print("ABC".isupper(), "AbC".isupper(), "ÉTÉ1".isupper(), "abc".islower(), "".islower())
    print("a1é".isalnum(), "a 1".isalnum(), "٣4".isdecimal(), "½".isnumeric(),
          "½".isdecimal(), "ab\n".isprintable(), "é€".isprintable())
    print("a\tb\tc".expandtabs(), "ab\tc".expandtabs(4) + "|", "é\tx\n\ty".expandtabs(3))
    print("\t".expandtabs(0) + "|", "x\ty".expandtabs(-1), "x\r\ty".expandtabs(2))
    print(s.index("zz"))


if __name__ == "__main__":
    main()

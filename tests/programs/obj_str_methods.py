"""str methods that give a str, bool or int: strip, lower, upper,
startswith, endswith, find, rfind, count, replace, isdigit, isalpha,
isspace, ljust, rjust, center, zfill, on ASCII and non-ASCII text."""


def main() -> None:
    b = "héllo wörld"
    t = "  padded\t\n"
    print(t.strip() + "|", t.lstrip() + "|", t.rstrip() + "|", "xxhixx".strip("x"))
    print("abcba".lstrip("ab") + "|", "abcba".rstrip("ab") + "|", "".strip() + "|")
    print(b.startswith("hé"), b.endswith("x"), b.endswith("örld"), b.startswith(""))
    print(b.find("l"), b.rfind("l"), b.find("zz"), b.rfind("ö"), b.count("l"), b.count(""))
    print(b.replace("l", "L"), b.replace("", "-"), "aaa".replace("a", "bb"))
    print("abc".isalpha(), "ab1".isalpha(), "été".isalpha(), "".isalpha())
    print("123".isdigit(), "12a".isdigit(), "٣".isdigit(), " \t".isspace(), "".isspace())
    print("ab".ljust(5, "*") + "|", "ab".rjust(5) + "|", "ab".center(6, "-"),
          "ab".center(7) + "|", "héllo".ljust(2) + "|")
    print("42".zfill(5), "-42".zfill(5), "+7".zfill(3), "abc".zfill(2))
    print("ÄÖÜ Straße".lower(), "straße ǆ".upper(), "MiXeD".lower().upper())
    words = "the quick brown fox"
    print(words.upper().replace("QUICK", "slow").center(25, "."))


if __name__ == "__main__":
    main()

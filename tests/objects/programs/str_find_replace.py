"""find, rfind, count and replace, including empty and overlapping."""


def main() -> None:
    s = "abracadabra"
    print(s.find("bra"), s.rfind("bra"), s.find("zz"), s.find(""))
    print(s.count("a"), s.count("bra"), s.count("aa"), "aaaa".count("aa"), s.count(""))
    print(s.replace("a", "A"), s.replace("bra", "-"), s.replace("", "."))
    print("x".replace("x", "xx").replace("xx", "y"))


if __name__ == "__main__":
    main()

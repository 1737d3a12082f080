"""Methods on non-ASCII text: lengths and indexes count code points."""


def main() -> None:
    s = "Grüße aus Köln, naïve café — 日本語 😀!"
    print(len(s), s.upper(), s.lower())
    print(s.find("Köln"), s.find("日本"), s.rfind("é"), s.count("a"), s.find("😀"))
    print(s.split(" "), s.replace("é", "e"))
    print(s.startswith("Grü"), s.endswith("😀!"), s[6:9], s[-3:], s[::-1][:4])
    print(s.center(44, "·"), "|" + "ä".ljust(4) + "|" + "ö".rjust(4, "ü") + "|")
    print(s.partition("—"), s.isalpha(), "éà".isalpha(), "٣".isdigit())


if __name__ == "__main__":
    main()

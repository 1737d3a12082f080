"""count, find and replace with non-ASCII needles and haystacks."""


def main() -> None:
    s = "ééé-€€-😀😀😀😀"
    print(s.count("é"), s.count("éé"), s.count("€"), s.count("😀😀"), s.find("-"), s.rfind("-"))
    print(s.replace("é", "e"), s.replace("😀", ":)"), s.replace("€€", "EUR"))
    print(s.zfill(20), len(s.zfill(20)), s.ljust(16, "·"))


if __name__ == "__main__":
    main()

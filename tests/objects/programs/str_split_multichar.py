"""Splitting on separators of several characters, non-ASCII ones too."""


def main() -> None:
    s = "a::b::::c::"
    print(s.split("::"), s.rsplit("::", 2), s.split("::", 1))
    t = "ein→zwei→drei"
    print(t.split("→"), t.rsplit("→", 1), t.partition("→"))
    print("x<>y<>z".split("<>"), "<>".join(["p", "q"]))


if __name__ == "__main__":
    main()

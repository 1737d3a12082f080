"""copy gives an independent set; equality ignores order."""


def main() -> None:
    a = {"x", "y"}
    b = a.copy()
    b.add("z")
    print(sorted(a), sorted(b), a == b, a == {"y", "x"})
    c = set(["é", "e", "é"])
    print(len(c), sorted(c))
    print(sorted(set("mississippi")))


if __name__ == "__main__":
    main()

"""str.removeprefix() and removesuffix() (issue 11): the rest of the str,
or the str itself (the same object, as in CPython) when it does not
start or end with the affix; on non-ASCII text too."""


def main() -> None:
    words = ["unhappy", "undo", "under", "happy", "", "un", "naïve-un", "ünder"]
    for w in words:
        print(repr(w.removeprefix("un")), repr(w.removesuffix("un")), repr(w.removeprefix("")),
              repr(w.removeprefix("ü")), len(w.removeprefix("ü")))
    s = "test_case.py"
    print(s.removeprefix("test_").removesuffix(".py"), s.removeprefix(s), s.removesuffix("x") is s)
    print(s.removeprefix("test_") is s, s.removeprefix("nope") is s)
    names = [n.removesuffix(".py") for n in ["a.py", "b.txt", "c.py"]]
    print(names, "ü€x".removesuffix("€x"), "ü€x".removeprefix("ü€")[0])


if __name__ == "__main__":
    main()

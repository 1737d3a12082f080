"""str.startswith() and endswith() of a tuple of str (issue 11): true
if any of them matches, with the same start and end for each; a
tuple[str, ...] known only at run time too."""

from typing import Final

SOURCES: Final = (".py", ".pyi")


def main() -> None:
    files = ["a.py", "b.pyi", "c.txt", "test_d.py", "", "ü.py"]
    for f in files:
        print(f, f.endswith((".py", ".pyi")), f.startswith(("test_", "a")),
              f.endswith(SOURCES), f.startswith(("x",)), f.endswith((".py",), 0, 3))
    prefixes: tuple[str, ...] = tuple(["b", "c"])
    print([f for f in files if f.startswith(prefixes)], "abc".startswith(("", "z")))
    print("abc".startswith(("b", "c"), 1), "abc".endswith(("a", "b"), 0, -1))


if __name__ == "__main__":
    main()

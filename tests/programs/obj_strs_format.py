"""str.format: automatic, indexed and keyword fields, format specs for
ints, bools and strs, {{ and }}, a Final format string, and arguments
evaluated once each, in the order written (even when the fields use
them in another order, or twice)."""

from typing import Final

ROW: Final = "{:<10}{:>5}"

def note(calls: list[str], name: str) -> str:
    calls.append(name)
    return name


def main() -> None:
    print("{} + {} = {}".format(1, 2, 3))
    print("{0}{1}{0}".format("ab", "cd"), "{1}-{0}".format("x", "y"))
    print("{name} is {age:>3} years".format(name="ann", age=7))
    print("{:*^9}|{:<4}|{:x}|{:#o}|{:+d}|{:08b}".format("mid", "é", 255, 8, 5, 5))
    print("{{literal}} {} {{{}}}".format("ok", "braced"))
    print("{:>6}|{:<6}|{:^6}|".format("ñ", "日本", True), "{}".format(False))
    print("{0:>5}{0:<5}|".format("x"), "{:,}".format(1234567), "{:_x}".format(65535))
    calls: list[str] = []
    print("{1}{0}{1}".format(note(calls, "first"), note(calls, "second")), calls)
    print("{b}{a}{b}".format(a=note(calls, "kw1"), b=note(calls, "kw2")), calls)
    print("plain".format(), "{}".format(""))
    for name, n in [("apples", 3), ("kiwis", 12)]:
        print(ROW.format(name, n))


if __name__ == "__main__":
    main()

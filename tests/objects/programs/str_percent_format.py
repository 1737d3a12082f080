"""printf-style formatting, `"%d items" % n` (issue 11): %d %i %u %x %X
%o %s %r with their flags and widths give CPython's text (a literal
format, rewritten into the f-string that gives it); the arguments are
evaluated once, in order."""

from typing import Final

ROW: Final = "%-6s|%5d|%05d|%x|%#X|%o"


def noisy(tag: str, n: int) -> int:
    print("eval", tag)
    return n


def main() -> None:
    name = "ann"
    for n in (0, 7, -42, 255):
        print("%d items" % n, "%+d" % n, "% d" % n, "%3d|%-3d|" % (n, n),
              ROW % (name, n, n, n, n, n))
    print("%s and %r" % (name, name), "%5s|%-5s|" % ("ab", "cd"), "100%%" % ())
    print("%s %s" % ([1, 2], (3, "x")), "%s" % None, "%s/%s" % (True, 2), "%r" % [name])
    print("%d-%d" % (noisy("a", 1), noisy("b", 2)))
    print("{%d}" % 5, "%d%%" % 50, "%s" % "a{b}c", "%05d|%-05d|%+05d" % (-7, 7, 7), "%d" % True)
    label = "%s=%d" % ("k", 5)
    print(label, len(label), "%u" % 9, "%i" % -3, "ü%sü" % "é")


if __name__ == "__main__":
    main()

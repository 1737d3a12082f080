"""printf-style precision for integers: the digits zero-padded to it,
after the sign and the base's prefix, then the width."""


def cell(n: int) -> str:
    return "%6.3d|%-+6.2d|%#06.3x|" % (n, n, n)


def main() -> None:
    for n in (5, -5, 0, 255, -4096, 123456):
        print("%.3d|%5.3d|%-5.3d|%05.3d|%+.3d|% .3d|%#.3x|%#8.3x|%.0d|%.3x|%08.3d|"
              % (n, n, n, n, n, n, n, n, n, n, n),
              "%#010.4X|%-+7.2o|%.5i|%3.1u|" % (n, n, n, n))
    print([cell(k * 37 - 100) for k in range(6)])
    fields = {"id": 7, "count": -12}
    print("%(id).4d %(count)+.3d %(id)#.2o" % fields)


main()

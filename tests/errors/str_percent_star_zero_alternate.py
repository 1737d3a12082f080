# error: 4:11: a '*' width with the flags '0' and '#' or ' ' is not supported (use an f-string)
def main() -> None:
    w = 8
    print("%#0*x" % (w, 255))


main()

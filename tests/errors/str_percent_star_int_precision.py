# error: 4:11: a '*' width or precision with an integer precision is not supported (use an f-string)
def main() -> None:
    w = 8
    print("%*.3d" % (w, 5))


main()

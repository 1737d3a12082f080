# error: 3:20: a '*' width or precision takes an int, not "str" (CPython raises TypeError: * wanted int)
def main() -> None:
    print("%*d" % ("wide", 5))


main()

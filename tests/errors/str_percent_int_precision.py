# error: 4:11: a precision for an integer ('%.3d') is not supported (pad it with 0: '%03d')
def main() -> None:
    n = 5
    print("%.3d" % n)


main()

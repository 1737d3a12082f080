# error: 3:17: round() of a bool is not supported
def main() -> None:
    print(round(True, -1))


main()

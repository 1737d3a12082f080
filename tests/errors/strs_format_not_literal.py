# error: 4:11: str.format() is compiled for a literal format string only
def main() -> None:
    fmt = "{} {}"
    print(fmt.format(1, 2))


if __name__ == "__main__":
    main()

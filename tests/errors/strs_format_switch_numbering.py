# error: 3:11: cannot switch from automatic field numbering to manual field specification
def main() -> None:
    print("{}{0}".format(1))


if __name__ == "__main__":
    main()

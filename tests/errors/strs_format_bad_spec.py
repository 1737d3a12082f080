# error: 3:25: unknown format code 'x' for a string
def main() -> None:
    print("{:x}".format("s"))


if __name__ == "__main__":
    main()

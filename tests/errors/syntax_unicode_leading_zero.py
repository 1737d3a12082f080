# error: 3:22: leading zeros in decimal integer literals are not permitted
def main() -> None:
    print("née", 1 + 007)


if __name__ == "__main__":
    main()

# error: 3:13: floating-point numbers are not supported
def main() -> None:
    ratio = 0.5
    print(ratio)


if __name__ == "__main__":
    main()

# error: 3:16: Too many decimal digits in format string
def main() -> None:
    print(f"{7:99999999999999999999}")


if __name__ == "__main__":
    main()

# error: 3:28: floating-point numbers are not supported
def main() -> None:
    print("héllo wörld €", 1.5)


if __name__ == "__main__":
    main()

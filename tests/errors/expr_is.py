# error: 4:8: 'is' is not supported; use '=='
def main() -> None:
    x = 3
    if x is 3:
        print("three")


if __name__ == "__main__":
    main()

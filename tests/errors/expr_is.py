# error: 4:8: 'is' compares object identity, and a i64 is not an object here; use '=='
def main() -> None:
    x = 3
    if x is 3:
        print("three")


if __name__ == "__main__":
    main()

# error: 6:1: 'yield' outside function
def main() -> None:
    print("hello")


yield 1

if __name__ == "__main__":
    main()

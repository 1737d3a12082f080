# error: 2:10: main() must take no parameters and return None
def main(argc: int) -> None:
    print(argc)


if __name__ == "__main__":
    main()

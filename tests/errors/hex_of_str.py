# error: 3:15: argument 1 to "hex" has incompatible type "str"; expected an integer
def main() -> None:
    print(hex("ff"))


if __name__ == "__main__":
    main()

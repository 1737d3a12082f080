# error: 3:18: bytes() of a str needs an encoding
def main() -> None:
    data = bytes("abc")
    print(data)


if __name__ == "__main__":
    main()

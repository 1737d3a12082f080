# error: 4:5: bytes are immutable
def main() -> None:
    data = "héllo".encode()
    data[0] = 72
    print(data)


if __name__ == "__main__":
    main()

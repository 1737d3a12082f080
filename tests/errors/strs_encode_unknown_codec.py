# error: 3:26: unknown encoding: klingon
def main() -> None:
    print(len("é".encode("klingon")))


if __name__ == "__main__":
    main()

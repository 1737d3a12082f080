# error: 3:26: only UTF-8 is supported, not 'latin-1'
def main() -> None:
    print(len("é".encode("latin-1")))


if __name__ == "__main__":
    main()

# error: 3:12: tuples are not supported
def main() -> None:
    pair = (1, 2)
    print(pair)


if __name__ == "__main__":
    main()

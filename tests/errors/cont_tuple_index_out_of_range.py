# error: 4:16: tuple index out of range (tuple[i64, str] has 2 items)
def main() -> None:
    pair = (1, "one")
    print(pair[2])


if __name__ == "__main__":
    main()

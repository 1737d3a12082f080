# error: 3:29: expected tuple[i64, i64], got tuple[i64, i64, i64]
def main() -> None:
    pair: tuple[int, int] = (1, 2, 3)
    print(pair)


if __name__ == "__main__":
    main()

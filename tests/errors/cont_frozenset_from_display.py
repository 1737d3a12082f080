# error: 3:26: expected frozenset[i64], got set[i64]
def main() -> None:
    fs: frozenset[int] = {1, 2}
    print(fs)


if __name__ == "__main__":
    main()

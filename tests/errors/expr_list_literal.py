# error: 3:14: list literals are not supported; use Array[T, N]
def main() -> None:
    values = [1, 2, 3]
    print(values[0])


if __name__ == "__main__":
    main()

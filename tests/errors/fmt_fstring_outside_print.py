# error: 4:16: expected i64, got str
def main() -> None:
    n = 3
    msg: int = f"n is {n}"
    print(msg)


if __name__ == "__main__":
    main()

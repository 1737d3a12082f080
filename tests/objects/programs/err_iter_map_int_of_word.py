def main() -> None:
    words = ["1", "2", "x"]
    print("start")
    print(list(map(int, words)))


if __name__ == "__main__":
    main()

# error: 4:13: arithmetic on bool is not supported
def main() -> None:
    flag = True
    count = flag + flag
    print(count)


if __name__ == "__main__":
    main()

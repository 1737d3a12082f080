# error: 4:11: name 'totl' is not defined
def main() -> None:
    total = 3
    print(totl + 1)


if __name__ == "__main__":
    main()

# error: 4:5: 'limit' is a variable, not a function
def main() -> None:
    limit = 10
    limit()


if __name__ == "__main__":
    main()

# error: 3:11: 'later' is used before it is assigned
def main() -> None:
    print(later)
    later = 5
    print(later)


if __name__ == "__main__":
    main()

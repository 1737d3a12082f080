# error: 3:15: tuple() of a str is not supported: it takes a list or a tuple
def main() -> None:
    t = tuple("abc")
    print(t)


if __name__ == "__main__":
    main()

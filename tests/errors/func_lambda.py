# error: 3:13: nested functions, classes and lambdas are not supported
def main() -> None:
    twice = lambda v: v * 2
    print(twice(2))


if __name__ == "__main__":
    main()

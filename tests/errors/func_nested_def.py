# error: 3:5: nested functions, classes and lambdas are not supported
def main() -> None:
    def helper() -> int:
        return 1
    print(helper())


if __name__ == "__main__":
    main()

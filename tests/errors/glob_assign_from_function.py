# error: 6:10: a global's initializer must be a constant expression
def compute() -> int:
    return 6 * 7


ANSWER = compute()


def main() -> None:
    print(ANSWER)


if __name__ == "__main__":
    main()

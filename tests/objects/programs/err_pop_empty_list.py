"""pop from an empty list: IndexError."""


def main() -> None:
    stack = [1, 2]
    print(stack.pop(), stack.pop())
    print(stack.pop())


if __name__ == "__main__":
    main()

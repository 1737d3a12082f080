# error: 3:20: the lambda takes 2 arguments, but map() gives it 1
def main() -> None:
    print(list(map(lambda a, b: a + b, [1, 2])))


if __name__ == "__main__":
    main()

# error: 4:11: *xs in a call of a builtin is not supported (spread only into a function, method or class that takes *args or **kwargs)
def main() -> None:
    xs = [1, 2, 3]
    print(*xs)


main()

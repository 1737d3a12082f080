# error: 4:15: *xs in a call of a builtin is not supported (spread only into a function, method or class that takes *args or **kwargs)
def main() -> None:
    xs = [3, 1, 2]
    print(min(*xs))


main()

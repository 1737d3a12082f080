# error: 8:15: *xs would fill parameter 'a' of add(), and its length is known only at run time: not supported (pass the leading arguments one by one, or spread a fixed-length tuple)
def add(a: int, b: int) -> int:
    return a + b


def main() -> None:
    xs = [1, 2]
    print(add(*xs))


main()

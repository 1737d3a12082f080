# error: 8:20: map() here takes a function named at module level, a builtin or a lambda; a callable held in a variable could be rebound before the last item is made, so write the generator expression instead (for map, `(f(x) for x in xs)`)
def double(x: int) -> int:
    return x * 2


def main() -> None:
    f = double
    print(list(map(f, [1, 2])))


if __name__ == "__main__":
    main()

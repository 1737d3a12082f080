# error: 2:18: 'numbers' contains 'yield', so it is a generator function; declare its result Iterator[T],
def numbers() -> list[int]:
    yield 1


def main() -> None:
    print(numbers())


if __name__ == "__main__":
    main()

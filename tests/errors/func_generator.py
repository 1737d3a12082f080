# error: 2:25: 'count_up' contains 'yield', so it is a generator function; declare its result Iterator[T]
def count_up(n: int) -> int:
    for i in range(n):
        yield i
    return n


def main() -> None:
    print(count_up(3))


if __name__ == "__main__":
    main()

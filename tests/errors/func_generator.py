# error: 4:9: generators are not supported
def count_up(n: int) -> int:
    for i in range(n):
        yield i
    return n


def main() -> None:
    print(count_up(3))


if __name__ == "__main__":
    main()

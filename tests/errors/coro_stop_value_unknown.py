# error: 11:15: StopIteration.value is typed (as the coroutine's or generator's result) only in
def check(n: int) -> None:
    if n > 2:
        raise StopIteration(n)


def main() -> None:
    try:
        check(3)
    except StopIteration as e:
        print(e.value)


if __name__ == "__main__":
    main()

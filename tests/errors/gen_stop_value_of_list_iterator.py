# error: 9:33: the value of a StopIteration is known only where the 'try' resumes a coroutine or a generator; here it resumes Iterator[i64]
def main() -> None:
    items = [1, 2]
    it = iter(items)
    while True:
        try:
            print(next(it))
        except StopIteration as e:
            print("ended with", e.value)
            break


if __name__ == "__main__":
    main()

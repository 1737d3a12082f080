# error: 4:11: type(x).__name__ of a value of type "Iterator[i64]" is not supported (its class is known only to CPython)
def main() -> None:
    it = iter([1, 2])
    print(type(it).__name__)


if __name__ == "__main__":
    main()

# error: 3:8: '...' in a tuple type comes second, after the one item type: tuple[T, ...]
def main() -> None:
    t: tuple[int, str, ...] = (1, "a")
    print(t)


if __name__ == "__main__":
    main()

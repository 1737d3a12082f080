# error: 4:29: expected tuple[object, ...], got tuple[i64, ...]
def main() -> None:
    xs = [1, 2]
    t: tuple[object, ...] = tuple(xs)
    print(t)


if __name__ == "__main__":
    main()

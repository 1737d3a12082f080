# error: 3:12: value of type "list[i64] | None" is not indexable: 'xs' may be None here
def first(xs: list[int] | None) -> int:
    return xs[0]


def main() -> None:
    print(first([1]))


if __name__ == "__main__":
    main()

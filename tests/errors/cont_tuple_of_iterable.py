# error: 3:12: tuple(...) makes a tuple whose length is known only at run time (tuple[T, ...]), and Pythos's tuples have a fixed length and a type per item; use list(...) for a run-time length, or a tuple display such as (a, b)
def frozen(xs: list[int]) -> object:
    return tuple(xs)


def main() -> None:
    print(frozen([1, 2]))


if __name__ == "__main__":
    main()
